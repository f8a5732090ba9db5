/** True when a database error (possibly wrapped by drizzle) is a unique violation, optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string };
    if (pg.code === "23505") return !constraint || (pg.constraint ?? pg.constraint_name) === constraint;
  }
  return false;
}
