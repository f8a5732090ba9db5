import fs from "node:fs";
import path from "node:path";

export interface ShippedMigration {
  tag: string;
  /** drizzle-kit's timestamp of the migration, which the migrator records as `created_at` once applied. */
  when: number;
}

/** The migrations this build ships, from drizzle-kit's journal in db/migrations. */
export function shippedMigrations(folder = path.join(process.cwd(), "db", "migrations")): ShippedMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: ShippedMigration[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}
