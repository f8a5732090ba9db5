/**
 * Races are real only where transactions run at once: on PostgreSQL (TEST_DATABASE_URL set).
 * PGlite is one connection, so the same calls queue up and run one after another there.
 */
export const runsConcurrently = Boolean(process.env.TEST_DATABASE_URL);

/** A concurrency test's name, saying how this run executed it, so a PGlite pass is not read as a race won. */
export function raceTest(name: string): string {
  return runsConcurrently ? `${name} (concurrently on PostgreSQL)` : `${name} (serial on PGlite)`;
}
