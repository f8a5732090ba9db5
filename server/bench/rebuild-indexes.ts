import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "@/db/client";

/**
 * Bulk fills run faster without the indexes to maintain row by row (trigram ones above all):
 * this drops the tables' plain indexes (not those behind constraints) and builds them again after `fill`.
 */
export async function withIndexesRebuilt(db: Database, tables: string[], fill: () => Promise<void>) {
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname in ${sql.raw(`(${tables.map((t) => `'${t}'`).join(",")})`)}
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
  await fill();
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
}
