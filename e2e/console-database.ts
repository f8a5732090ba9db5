import { randomBytes } from "node:crypto";
import postgres from "postgres";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ConsoleDatabase {
  url: string;
  /** A connection of the journey's own, to look at what the consoles did. */
  sql: postgres.Sql;
  drop: () => Promise<void>;
}

/**
 * A new, empty PostgreSQL database for the consoles a journey starts itself (named cc_e2e_…,
 * which CI drops when a run is cut short).
 */
export async function createConsoleDatabase(purpose: string, connections = 2): Promise<ConsoleDatabase> {
  const name = `cc_e2e_${purpose}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: connections, onnotice: () => {} });
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Fresh secrets for the consoles of one database, which must all have the same. */
export function consoleSecrets(keyId: string): Record<string, string> {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: `${keyId}:${randomBytes(32).toString("base64")}`,
    AUDIT_SIGNING_KEYS: `${keyId}:${randomBytes(32).toString("base64")}`,
  };
}
