"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { currentSessionId } from "@/server/auth/next-auth";
import { serverApi } from "@/server/caller";
import { isProduction } from "@/server/config/env";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The Language choice of the sign-in page and the profile menu: remembered in this browser,
 * and, when signed in, as the account's own language, so mail follows it too.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const language = form.get("language");
  if (!isLocale(language)) return;
  (await cookies()).set(LOCALE_COOKIE, language, {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction(),
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  if (await currentSessionId()) await (await serverApi()).profile.setLanguage({ language });
}
