import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "../config/env";
import { auditSigningKeyRing, keyRing } from "../crypto/key-ring";
import type { DatabaseTarget } from "./database-target";
import type { BackupManifest } from "./manifest";
import { newestKnownMigration } from "./migration-version";

/** Reasons the manifest gives not to restore here, each saying what to do instead. */
export function manifestProblems(manifest: BackupManifest, target: DatabaseTarget): string[] {
  const problems: string[] = [];
  if (manifest.database !== target.kind)
    problems.push(
      manifest.database === "postgres"
        ? "This backup is of a PostgreSQL database: set DATABASE_URL to an empty PostgreSQL database to restore it."
        : "This backup is of the embedded database: unset DATABASE_URL and set DATA_DIR to a directory without a pglite folder to restore it.",
    );
  const newest = newestKnownMigration();
  if (manifest.migration.when > newest.when)
    problems.push(
      `This backup is at migration ${manifest.migration.tag ?? manifest.migration.when}, newer than this console knows ` +
        `(its newest is ${newest.tag}): restore it with the console version that took it, or a newer one.`,
    );
  if (!keysConfigured()) {
    // Loading the keys now would generate new ones, which could even share the old ones' ids.
    problems.push(
      "No keys are configured: set ENCRYPTION_KEYS and AUDIT_SIGNING_KEYS as the backed-up console had them, " +
        "or copy its secrets.json into DATA_DIR.",
    );
    return problems;
  }
  const missingEncryption = manifest.encryptionKeyIds.filter((id) => !keyRing().keys.has(id));
  if (missingEncryption.length)
    problems.push(
      `Values in this backup are encrypted with key ${missingEncryption.join(", ")}, not in ENCRYPTION_KEYS: ` +
        "set ENCRYPTION_KEYS (or the data directory's secrets.json) as the backed-up console had it.",
    );
  const missingSigning = manifest.auditSigningKeyIds.filter((id) => !auditSigningKeyRing().publicKeys.has(id));
  if (missingSigning.length)
    problems.push(
      `The audit log's signed heads need signing key ${missingSigning.join(", ")}, not in AUDIT_SIGNING_KEYS: ` +
        "set AUDIT_SIGNING_KEYS (or the data directory's secrets.json) as the backed-up console had it.",
    );
  return problems;
}

function keysConfigured(): boolean {
  const inEnvironment = Boolean(process.env.ENCRYPTION_KEYS && process.env.AUDIT_SIGNING_KEYS);
  return inEnvironment || fs.existsSync(path.join(dataDirectory(), "secrets.json"));
}
