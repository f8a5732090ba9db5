import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { verifyPassword } from "../crypto/passwords";
import { DomainError } from "../errors";

/** Asks for the password again before a sensitive change; refuses with a message when it is wrong. */
export async function confirmPassword(db: Queryable, accountId: string, password: string): Promise<typeof accounts.$inferSelect> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    throw new DomainError("INVALID_INPUT", "The password is not right. Type your current password.");
  }
  return account;
}
