import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, accountTokens, teams } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { Actor } from "../actor";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { refusalIn } from "../i18n/refusal-format";
import { emailChangeRefusal } from "./email-change-refusal";
import { nameChangeRefusal } from "./name-change-refusal";
import { signsInOnlyThroughProvider } from "./provider-only-account";

export type AccountActor = Extract<Actor, { kind: "account" }>;

/** The account acting on itself; anything else has no profile to change. */
export function actingAccount(ctx: DomainContext): AccountActor {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToChangeYourProfile");
  return ctx.actor;
}

/** Who is signed in, as the profile menu shows it. */
/** Why the account cannot change its address, in the account's own language: only it reads it. */
async function emailChangeRefusalText(db: Queryable, account: typeof accounts.$inferSelect): Promise<string | null> {
  const managed = await emailChangeRefusal(db, account);
  return managed && refusalIn(managed, isLocale(account.language) ? account.language : DEFAULT_LOCALE);
}

/** Why the account cannot change its name, in its own language. */
async function nameChangeRefusalText(db: Queryable, account: typeof accounts.$inferSelect): Promise<string | null> {
  const managed = await nameChangeRefusal(db, account);
  return managed && refusalIn(managed, isLocale(account.language) ? account.language : DEFAULT_LOCALE);
}

export async function accountProfile(db: Queryable, accountId: string) {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, language: accounts.language })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)));
  if (!account) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
  return account;
}

/** What the profile page edits: the profile with the phone decrypted, and the state of an email change. */
export async function profileForEditing(db: Queryable, ctx: DomainContext) {
  const { accountId } = actingAccount(ctx);
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.pseudonymisedAt)));
  if (!account) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
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
    emailChangeRefusal: await emailChangeRefusalText(db, account),
    nameChangeRefusal: await nameChangeRefusalText(db, account),
    managedByTeam: managedBy?.teamName ?? null,
    /** Its password and two-step verification are its identity provider's: no password form. */
    signsInThroughProvider: await signsInOnlyThroughProvider(db, accountId),
  };
}
