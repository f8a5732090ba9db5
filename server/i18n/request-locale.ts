import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { currentSessionId } from "../auth/next-auth";
import { serverApi } from "../caller";

/** The signed-in account's language, or null for a visitor (or a language we have no catalogs for). */
async function signedInLanguage(): Promise<Locale | null> {
  if (!(await currentSessionId())) return null;
  const language = await (await serverApi()).account.me().then(
    (account) => account.language,
    () => null,
  );
  return isLocale(language) ? language : null;
}

/**
 * The language of this request: the account's own choice when signed in, then what was chosen
 * on the sign-in page, then the browser's `Accept-Language`, then English.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const chosenByAccount = await signedInLanguage();
  if (chosenByAccount) return chosenByAccount;
  const chosenHere = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosenHere)) return chosenHere;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});
