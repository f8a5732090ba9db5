import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import type { DomainContext } from "../domain-context";

/** An account's own language, when it is one the console speaks. */
export async function accountLocale(db: Queryable, accountId: string): Promise<Locale | null> {
  const [account] = await db.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, accountId));
  return isLocale(account?.language) ? account.language : null;
}

/**
 * The language of the person doing the operation: their account's, else what their request
 * asks for, else English. Used for what they read (a CSV file) and for mails they cause to
 * people without an account of their own (invitations).
 */
export async function actorLocale(db: Queryable, ctx: Pick<DomainContext, "actor" | "request">): Promise<Locale> {
  const own = ctx.actor.kind === "account" ? await accountLocale(db, ctx.actor.accountId) : null;
  return own ?? ctx.request.locale ?? DEFAULT_LOCALE;
}

/** The language for a mail to an account: its own, else the given fallback (the sender's), else English. */
export async function recipientLocale(
  db: Queryable,
  accountId: string | null | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Promise<Locale> {
  return (accountId ? await accountLocale(db, accountId) : null) ?? fallback;
}
