import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { DomainError } from "../errors";

/** Who is signed in, as the profile menu shows it. */
export async function accountProfile(db: Queryable, accountId: string) {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, language: accounts.language })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw new DomainError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  return account;
}
