import { formatCents } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { translatorFor } from "./translator";

export type RefusalKey = keyof Messages["refusals"];

/** An amount of money, written in the reader's language when the refusal is read. */
export interface Money {
  cents: number;
  currency: string;
}

/**
 * A value inside a refusal: text and numbers as they are; dates, money and lists of names
 * ("A, B and C") per language; or a phrase of its own.
 */
export type RefusalValue = string | number | Date | Money | readonly string[] | Refusal;
export type RefusalValues = Record<string, RefusalValue>;

/** A refusal as the catalog holds it: which message, and the facts it quotes. */
export interface Refusal {
  key: RefusalKey;
  values?: RefusalValues;
}

export function refusal(key: RefusalKey, values?: RefusalValues): Refusal {
  return { key, values };
}

function isList(value: RefusalValue): value is readonly string[] {
  return Array.isArray(value);
}

/** British English joins the last name with "and" and no comma, as the console always has. */
function listFormat(locale: Locale): Intl.ListFormat {
  return new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" });
}

function valueIn(value: RefusalValue, locale: Locale): string | number | Date {
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (isList(value)) return listFormat(locale).format(value);
  if ("cents" in value) return formatCents(value.cents, value.currency, locale);
  return refusalIn(value, locale);
}

/** The refusal's message in the language given. */
export function refusalIn({ key, values = {} }: Refusal, locale: Locale): string {
  const t = translatorFor(locale, "refusals");
  const formatted = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, valueIn(value, locale)]));
  return t(key, formatted);
}
