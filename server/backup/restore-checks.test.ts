import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest } from "./manifest";
import { newestKnownMigration } from "./migration-version";
import { manifestProblems } from "./restore-checks";

const embedded = { kind: "pglite", dataDir: "/srv/console/pglite" } as const;

function manifest(change: Partial<BackupManifest> = {}): BackupManifest {
  const newest = newestKnownMigration();
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: "2026-12-01T02:00:00.000Z",
    database: "pglite",
    migration: { tag: newest.tag, when: newest.when },
    auditChainHeads: [],
    encryptionKeyIds: ["ktest"],
    auditSigningKeyIds: ["atest"],
    dump: { entry: "pglite-data.tar.gz", bytes: 1, sha256: "0".repeat(64) },
    ...change,
  };
}

describe("what a backup's manifest lets restore do", () => {
  it("accepts a backup of this database kind, at a known migration, with its keys configured", () => {
    expect(manifestProblems(manifest(), embedded)).toEqual([]);
  });

  it("refuses a backup taken at a migration newer than this code knows", () => {
    const newer = { tag: "0999_from_the_future", when: newestKnownMigration().when + 1 };
    expect(manifestProblems(manifest({ migration: newer }), embedded)).toEqual([
      expect.stringMatching(/^This backup is at migration 0999_from_the_future, newer than this console knows/),
    ]);
  });

  it("refuses a PostgreSQL backup for the embedded database, saying where it goes", () => {
    expect(manifestProblems(manifest({ database: "postgres" }), embedded)).toEqual([
      expect.stringContaining("set DATABASE_URL to an empty PostgreSQL database"),
    ]);
  });

  it("names the keys a backup needs that are not configured", () => {
    const problems = manifestProblems(
      manifest({ encryptionKeyIds: ["ktest", "k2025"], auditSigningKeyIds: ["a2025"] }),
      embedded,
    );
    expect(problems).toEqual([
      expect.stringContaining("encrypted with key k2025, not in ENCRYPTION_KEYS"),
      expect.stringContaining("need signing key a2025, not in AUDIT_SIGNING_KEYS"),
    ]);
  });
});
