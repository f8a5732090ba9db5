import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertPurgeListWritable, purgeListAt, readPurgeList } from "./purge-list";

const directories: string[] = [];
function scratch(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "purge-list-"));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

describe("the start-up check of the purge list", () => {
  it("creates a missing backup directory and an empty list, readable only by the console's user", async () => {
    const file = path.join(scratch(), "backups", "purged-teams.jsonl");
    assertPurgeListWritable(file);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await readPurgeList(file)).toEqual({ entries: [], unreadableLines: [] });
  });

  it("leaves the purges already on the list as they are", async () => {
    const file = path.join(scratch(), "purged-teams.jsonl");
    const entry = { teamId: "7d0c2b4e-5a1f-4c3b-9e8d-6f5a4b3c2d1e", purgedAt: new Date("2026-11-02T03:04:05Z") };
    await purgeListAt(file).record(entry);
    assertPurgeListWritable(file);
    expect((await readPurgeList(file)).entries).toEqual([entry]);
  });

  it("stops the start with the path, the reason and what to set when the list cannot be written", () => {
    const notADirectory = path.join(scratch(), "a-file");
    fs.writeFileSync(notADirectory, "");
    const file = path.join(notADirectory, "backups", "purged-teams.jsonl");
    expect(() => assertPurgeListWritable(file)).toThrow(`The purge list ${file} cannot be written (ENOTDIR).`);
    expect(() => assertPurgeListWritable(file)).toThrow(
      "Set BACKUP_DIR to a durable directory the console's user can write",
    );
  });
});
