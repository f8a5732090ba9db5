import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "@/db/client";

/** Per table of the console: its row count and a digest of its rows in a stable order. */
export async function tableDigests(db: Queryable): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ rows: number; digest: string }>(
      await db.execute(
        sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
      ),
    );
    digests[name] = `${row!.rows} rows, ${row!.digest}`;
  }
  return digests;
}
