import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/** The languages the console is written in; every catalog exists in each. */
export const LOCALES = ["en", "nl"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language by its own name, as the language menus offer it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands" };

/** Remembers the language chosen on the sign-in page for people not signed in. */
export const LOCALE_COOKIE = "console-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an `Accept-Language` header, or null when none of them is asked for. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const asked = new Negotiator({ headers: { "accept-language": header } }).languages();
  if (asked.length === 0 || asked[0] === "*") return null;
  try {
    const found = match(asked, LOCALES, "none");
    return isLocale(found) ? found : null;
  } catch {
    // A malformed language tag in the header: treat it as no preference.
    return null;
  }
}
