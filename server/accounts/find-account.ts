import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";

/** The live account using an email address, whatever its case and surrounding spaces. */
export async function findAccountByEmail(db: Queryable, email: string) {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, email.trim().toLowerCase()), isNull(accounts.pseudonymisedAt)));
  return account ?? null;
}
