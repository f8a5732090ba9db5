import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "@/db/client";

/** A migration as drizzle's journal names it; `when` is what the database records as applied. */
export interface MigrationVersion {
  tag: string | null;
  when: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this code knows, oldest first. */
export function knownMigrations(): JournalEntry[] {
  const journal = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: JournalEntry[] }).entries;
}

export function newestKnownMigration(): JournalEntry {
  return knownMigrations().at(-1)!;
}

/** The last migration applied to the database, as drizzle's migrator decides what is left to apply. */
export async function appliedMigration(db: Queryable): Promise<MigrationVersion> {
  const [last] = rowsOf<{ created_at: string | number }>(
    await db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
  );
  if (!last) throw new Error("The database has no migrations applied: it is not a console database.");
  const when = Number(last.created_at);
  return { tag: knownMigrations().find((entry) => entry.when === when)?.tag ?? null, when };
}
