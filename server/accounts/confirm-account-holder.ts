import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, sessions } from "@/db/schema";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingAccount } from "./account-profile";
import { confirmPassword } from "./confirm-password";
import { signsInOnlyThroughProvider } from "./provider-only-account";

/** How recent a provider sign-in must be to stand in for a password. */
export const PROVIDER_CONFIRMATION_WINDOW_MS = 15 * 60 * 1000;

/**
 * Proof that the person at the keyboard holds the account, before it is deleted: its password, or
 * for an account whose password is its identity provider's, its address typed again within a
 * few minutes of signing in through the provider.
 */
export async function confirmAccountHolder(
  db: Queryable,
  ctx: DomainContext,
  input: { password: string; confirmEmail: string },
): Promise<typeof accounts.$inferSelect> {
  const { accountId } = actingAccount(ctx);
  if (!(await signsInOnlyThroughProvider(db, accountId))) {
    if (!input.password) throw new DomainError("INVALID_INPUT", "typeYourCurrentPassword");
    return confirmPassword(db, accountId, input.password, ctx.clock.now());
  }
  const sessionId = ctx.actor.kind === "account" ? ctx.actor.sessionId : null;
  const [session] = sessionId ? await db.select().from(sessions).where(eq(sessions.id, sessionId)) : [];
  if (!session || ctx.clock.now().getTime() - session.createdAt.getTime() > PROVIDER_CONFIRMATION_WINDOW_MS) {
    throw new DomainError("INVALID_INPUT", "signInThroughProviderAgain");
  }
  const [holder] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!holder || holder.email.toLowerCase() !== input.confirmEmail.trim().toLowerCase()) {
    throw new DomainError("INVALID_INPUT", "typeYourEmailToConfirm");
  }
  return holder;
}
