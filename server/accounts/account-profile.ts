import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, accountTokens, teams } from "@/db/schema";
import type { Actor } from "../actor";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { emailChangeRefusal } from "./email-change-refusal";

export type AccountActor = Extract<Actor, { kind: "account" }>;

/** The account acting on itself; anything else has no profile to change. */
export function actingAccount(ctx: DomainContext): AccountActor {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "Sign in to change your profile.");
  return ctx.actor;
}

/** Who is signed in, as the profile menu shows it. */
export async function accountProfile(db: Queryable, accountId: string) {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, language: accounts.language })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)));
  if (!account) throw new DomainError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  return account;
}

/** What the profile page edits: the profile with the phone decrypted, and the state of an email change. */
export async function profileForEditing(db: Queryable, ctx: DomainContext) {
  const { accountId } = actingAccount(ctx);
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)));
  if (!account) throw new DomainError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  const [pending] = await db
    .select({ newEmail: accountTokens.newEmail, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.accountId, accountId),
        eq(accountTokens.purpose, "change_email"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, ctx.clock.now()),
      ),
    );
  const [managedBy] = account.managedByTeamId
    ? await db.select({ teamName: teams.name }).from(teams).where(eq(teams.id, account.managedByTeamId))
    : [];
  return {
    name: account.name,
    email: account.email,
    language: account.language,
    phone: account.phoneEncrypted ? decrypt(keyRing(), account.phoneEncrypted) : null,
    pendingEmailChange: pending?.newEmail ? { newEmail: pending.newEmail, expiresAt: pending.expiresAt } : null,
    emailChangeRefusal: await emailChangeRefusal(db, account),
    managedByTeam: managedBy?.teamName ?? null,
  };
}
