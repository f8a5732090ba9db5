import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "@/db/client";
import type { BackupManifest } from "./manifest";
import { appliedMigration } from "./migration-version";

export type DatabaseFacts = Pick<
  BackupManifest,
  "migration" | "auditChainHeads" | "encryptionKeyIds" | "auditSigningKeyIds"
>;

/**
 * Read in the same snapshot as the dump, so the manifest describes exactly what the dump holds:
 * the migration it is at, the head of every audit chain, and the ids of the keys its values need.
 */
export async function readDatabaseFacts(db: Queryable): Promise<DatabaseFacts> {
  return {
    migration: await appliedMigration(db),
    auditChainHeads: await auditChainHeads(db),
    encryptionKeyIds: await encryptionKeyIds(db),
    auditSigningKeyIds: rowsOf<{ key_id: string }>(
      await db.execute(sql`select distinct key_id from audit_anchors order by key_id`),
    ).map((row) => row.key_id),
  };
}

export async function auditChainHeads(db: Queryable): Promise<DatabaseFacts["auditChainHeads"]> {
  const rows = rowsOf<{ team_id: string | null; seq: string | number; hash: string }>(
    await db.execute(sql`
      select distinct on (team_id) team_id, seq, hash from audit_events order by team_id, seq desc`),
  );
  return rows.map((row) => ({ teamId: row.team_id, seq: Number(row.seq), hash: row.hash }));
}

/**
 * Encrypted values read "v1.<key id>.…" (server/crypto/encryption.ts). They sit in the columns
 * named *_encrypted and in the mail outbox's subject and bodies.
 */
async function encryptionKeyIds(db: Queryable): Promise<string[]> {
  const values = await encryptedValues(db);
  if (!values) return [];
  const rows = rowsOf<{ key_id: string }>(
    await db.execute(sql`select distinct split_part(value, '.', 2) as key_id from (${values}) v order by key_id`),
  );
  return rows.map((row) => row.key_id);
}

/** A query of every encrypted value as `value`; null when the schema has none. */
export async function encryptedValues(db: Queryable): Promise<SQL | null> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'text'
        and (column_name like '%\_encrypted' or (table_name = 'mail_outbox' and column_name in ('subject', 'text_body', 'html_body')))
      order by table_name, column_name`),
  );
  if (!columns.length) return null;
  const perColumn = columns.map(
    ({ table_name, column_name }) =>
      sql`select ${sql.identifier(column_name)} as value from ${sql.identifier(table_name)} where ${sql.identifier(column_name)} like 'v1.%'`,
  );
  return sql.join(perColumn, sql` union all `);
}
