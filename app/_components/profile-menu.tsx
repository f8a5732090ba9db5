"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { chooseLanguageAction } from "@/app/_lib/language-action";
import { signOutAction } from "@/app/_lib/sign-out-action";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { useMenu } from "./use-menu";

const itemClass =
  "block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

export function ProfileMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("navigation");
  const locale = useLocale();
  const [, startTransition] = useTransition();
  const { open, close, ref, buttonProps, menuProps } = useMenu();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const chooseLanguage = (language: Locale) => {
    close();
    const form = new FormData();
    form.set("language", language);
    // The action sets the language cookie, so the console renders again in that language.
    startTransition(() => chooseLanguageAction(form));
  };
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-controls="profile-menu"
        {...buttonProps}
        className="flex items-center gap-2 rounded-full p-1 pr-3 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span
          aria-hidden="true"
          className="flex h-8 w-8 items-center justify-center rounded-full bg-blue-700 text-xs font-semibold text-white"
        >
          {initials}
        </span>
        <span className="hidden sm:inline">{name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </button>
      {open ? (
        <div className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <div className="border-b border-slate-100 px-3 py-2 dark:border-slate-800">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">{email}</p>
          </div>
          <div id="profile-menu" aria-label={t("accountMenuName")} role="menu" {...menuProps} className="mt-1">
            <Link href="/profile" role="menuitem" tabIndex={-1} onClick={() => close(false)} className={itemClass}>
              {t("profile")}
            </Link>
            <Link
              href="/profile/security"
              role="menuitem"
              tabIndex={-1}
              onClick={() => close(false)}
              className={itemClass}
            >
              {t("security")}
            </Link>
            <div
              role="group"
              aria-labelledby="profile-menu-language"
              className="mt-1 border-t border-slate-100 pt-1 dark:border-slate-800"
            >
              <p
                id="profile-menu-language"
                className="px-3 py-1 text-xs font-medium text-slate-600 dark:text-slate-400"
              >
                {t("language")}
              </p>
              {LOCALES.map((language) => (
                <button
                  key={language}
                  type="button"
                  role="menuitemradio"
                  aria-checked={language === locale}
                  lang={language}
                  tabIndex={-1}
                  onClick={() => chooseLanguage(language)}
                  className={`${itemClass} aria-checked:font-semibold`}
                >
                  {LOCALE_NAMES[language]}
                </button>
              ))}
            </div>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => startTransition(() => signOutAction())}
              className={`${itemClass} mt-1 border-t border-slate-100 dark:border-slate-800`}
            >
              {t("signOut")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
