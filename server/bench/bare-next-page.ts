import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A bare Next app of the console's stack (the same next, react and react-dom, through a symlink
 * to the project's node_modules): one server-rendered page, built the way `npm start` builds the
 * console (`next build`, Turbopack) and served by `next start`. It is the floor a page's
 * first-load JavaScript is compared with.
 */
export async function startBareNextPage(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-bare-next-"));
  const modules = path.join(process.cwd(), "node_modules");
  fs.symlinkSync(modules, path.join(dir, "node_modules"), "dir");
  fs.mkdirSync(path.join(dir, "app"));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "bare-next-page", private: true, type: "module" }),
    // The symlinked node_modules resolves outside this folder: Turbopack's root has to hold both.
    "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify(path.parse(dir).root)} } };\n`,
    "app/layout.jsx": `export const metadata = { title: "Bare page" };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
    "app/page.jsx": `export default function Page() {
  return <main><h1>Bare page</h1><p>One server-rendered page of the same Next and React.</p></main>;
}
`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);

  const next = path.join(modules, "next", "dist", "bin", "next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const built = spawnSync(process.execPath, [next, "build"], { cwd: dir, env, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`building the bare Next page failed:\n${built.stdout}\n${built.stderr}`);

  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "localhost"], {
    cwd: dir,
    env,
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://localhost:${port}/`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error("the bare Next page did not answer within a minute");
}
