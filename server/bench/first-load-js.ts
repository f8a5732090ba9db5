import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser downloads to show a page the first time, from a production build's
 * manifests (`next build` no longer prints it): the framework's root chunks and every chunk the
 * page, its layouts and its boundaries reference. Prints raw and gzip sizes per route.
 */
const distDir = join(process.cwd(), ".next");
const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };

function manifestOf(route: string): string {
  const dir = join(distDir, "server", "app");
  const find = (folder: string, rest: string[]): string | null => {
    if (rest.length === 0) return join(folder, "page_client-reference-manifest.js");
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const isGroup = /^\(.*\)$/.test(entry.name);
      if (isGroup) {
        const found = find(join(folder, entry.name), rest);
        if (found) return found;
      } else if (entry.name === rest[0]) {
        const found = find(join(folder, entry.name), rest.slice(1));
        if (found) return found;
      }
    }
    return null;
  };
  const found = find(dir, route.split("/").filter(Boolean));
  if (!found) throw new Error(`No built page for ${route}`);
  return found;
}

for (const route of process.argv.slice(2)) {
  const source = readFileSync(manifestOf(route), "utf8");
  const entries = JSON.parse(
    source.slice(source.indexOf('"entryJSFiles":') + 15, source.lastIndexOf("}}") + 1),
  ) as Record<string, string[]>;
  const files = new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  console.log(`${route}: ${files.size} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip`);
}
