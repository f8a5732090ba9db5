import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./client-namespaces";

const APP = join(import.meta.dirname, "..", "..", "app");

function clientComponents(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return clientComponents(path);
    return /\.tsx?$/.test(entry.name) && /^\s*["']use client["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });
}

describe("the messages sent to the browser", () => {
  it("hold every namespace a client component translates with", () => {
    const used = new Set(
      clientComponents(APP).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/useTranslations\(\s*"([A-Za-z]+)/g)].map((match) => match[1]!),
      ),
    );
    const missing = [...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace));
    expect(missing).toEqual([]);
  });
});
