import { z } from "zod";

export const BACKUP_FORMAT = "customer-console-backup";
export const BACKUP_FORMAT_VERSION = 1;

const chainHead = z.object({
  /** null: the platform's own chain. */
  teamId: z.uuid().nullable(),
  seq: z.number().int().positive(),
  hash: z.string().min(1),
});

/**
 * What a backup says about itself. It names the keys the data needs by id only: the keys
 * themselves are never in a backup and must be kept apart from it.
 */
export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  database: z.enum(["postgres", "pglite"]),
  migration: z.object({ tag: z.string().nullable(), when: z.number().int().nonnegative() }),
  auditChainHeads: z.array(chainHead),
  encryptionKeyIds: z.array(z.string()),
  auditSigningKeyIds: z.array(z.string()),
  dump: z.object({ entry: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) }),
});

export type BackupManifest = z.infer<typeof backupManifest>;
export type AuditChainHead = z.infer<typeof chainHead>;

export function parseManifest(bytes: Buffer, file: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Error(`${file}: its manifest is not JSON; the file is damaged or not a console backup.`);
  }
  const parsed = backupManifest.safeParse(json);
  if (!parsed.success) {
    const formatVersion = (json as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof formatVersion === "number" && formatVersion > BACKUP_FORMAT_VERSION)
      throw new Error(
        `${file} was written by a newer console (backup format ${formatVersion}); restore it with that version.`,
      );
    throw new Error(`${file}: its manifest is not a console backup's (${z.prettifyError(parsed.error)}).`);
  }
  return parsed.data;
}
