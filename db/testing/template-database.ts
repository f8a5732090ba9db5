declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the migrated, seeded database every test file copies. */
    templateDatabaseUrl: string | null;
    /** PGlite: a dump of the migrated, seeded database every test file loads. */
    pgliteDumpPath: string | null;
  }
}

/** The same server address with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
