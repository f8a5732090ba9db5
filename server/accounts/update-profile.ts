import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { actingAccount } from "./account-profile";
import { nameChangeRefusal } from "./name-change-refusal";

/** The languages the console offers, by their own names: those it has catalogs for. */
export const PROFILE_LANGUAGES = LOCALES.map((code) => ({ code, label: LOCALE_NAMES[code] }));

export type ProfileLanguage = Locale;

export const PROFILE_LANGUAGE_CODES = [...LOCALES] as [ProfileLanguage, ...ProfileLanguage[]];

const PHONE_EXAMPLE = "+1 415 555 0100";

/**
 * An international number in E.164 form ("+14155550100"), from what people type: spaces,
 * dashes, dots and brackets are dropped and a leading 00 counts as +. Empty means no phone.
 */
export function normalisePhone(typed: string): string | null {
  const trimmed = typed.trim();
  if (!trimmed) return null;
  if (!/^(\+|00)?[\d\s().-]+$/.test(trimmed)) {
    throw new DomainError("INVALID_INPUT", "aPhoneNumberHoldsOnlyDigits", { example: PHONE_EXAMPLE });
  }
  const digits = trimmed.replace(/^00/, "+").replace(/[\s().-]/g, "");
  if (!digits.startsWith("+")) {
    throw new DomainError("INVALID_INPUT", "startThePhoneNumberWithAnd", { example: PHONE_EXAMPLE });
  }
  const national = digits.slice(1);
  if (national.startsWith("0")) {
    throw new DomainError("INVALID_INPUT", "aCountryCodeNeverStartsWith", { example: PHONE_EXAMPLE });
  }
  // E.164 allows at most 15 digits; the shortest numbers in use have 7 with their country code.
  if (national.length < 7 || national.length > 15) {
    throw new DomainError("INVALID_INPUT", "aPhoneNumberHas7To", { example: PHONE_EXAMPLE });
  }
  return digits;
}

export interface ProfileChange {
  name: string;
  phone: string;
  language: ProfileLanguage;
}

/** Changes the account's own name (unless its managing team keeps names), phone (encrypted at rest) and language. */
export async function updateProfile(db: Queryable, ctx: DomainContext, input: ProfileChange): Promise<void> {
  const { accountId } = actingAccount(ctx);
  const name = input.name.trim();
  if (!name) throw new DomainError("INVALID_INPUT", "typeYourName");
  if (!PROFILE_LANGUAGE_CODES.includes(input.language)) {
    throw new DomainError("INVALID_INPUT", "chooseOfferedLanguage", {
      languages: PROFILE_LANGUAGES.map((l) => l.label).join(", "),
    });
  }
  const phone = normalisePhone(input.phone);
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
    const oldPhone = account.phoneEncrypted ? decrypt(keyRing(), account.phoneEncrypted) : null;
    const phoneChanged = oldPhone !== phone;
    if (account.name === name && account.language === input.language && !phoneChanged) return;
    if (account.name !== name) {
      const kept = await nameChangeRefusal(tx, account);
      if (kept) throw new DomainError("FORBIDDEN", kept.key, kept.values);
    }
    await tx
      .update(accounts)
      .set({
        name,
        language: input.language,
        ...(phoneChanged ? { phoneEncrypted: phone ? encrypt(keyRing(), phone) : null } : {}),
        updatedAt: now,
      })
      .where(eq(accounts.id, accountId));
    // The phone number itself stays out of the audit log: only that it changed.
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.profile_updated",
      target: { type: "account", id: accountId },
      before: { name: account.name, language: account.language },
      after: { name, language: input.language, ...(phoneChanged ? { phone: phone ? "changed" : "removed" } : {}) },
    });
  });
}

/** Changes only the account's language, as the profile menu's Language choice does. */
export async function setAccountLanguage(db: Queryable, ctx: DomainContext, language: ProfileLanguage): Promise<void> {
  const { accountId } = actingAccount(ctx);
  if (!PROFILE_LANGUAGE_CODES.includes(language)) {
    throw new DomainError("INVALID_INPUT", "chooseOfferedLanguage", {
      languages: PROFILE_LANGUAGES.map((l) => l.label).join(", "),
    });
  }
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) throw new DomainError("UNAUTHENTICATED", "yourAccountNoLongerExistsSign");
    if (account.language === language) return;
    await tx.update(accounts).set({ language, updatedAt: ctx.clock.now() }).where(eq(accounts.id, accountId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.profile_updated",
      target: { type: "account", id: accountId },
      before: { language: account.language },
      after: { language },
    });
  });
}
