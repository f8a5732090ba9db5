import { getLocale, getTranslations } from "next-intl/server";
import { secondaryButtonClass } from "@/app/_components/ui";
import { chooseLanguageAction } from "@/app/_lib/language-action";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** Lets a visitor read the signed-out pages in another language; each language is offered in its own name. */
export async function LanguageForm() {
  const [t, locale] = await Promise.all([getTranslations("auth.language"), getLocale()]);
  return (
    <form
      key={locale}
      action={chooseLanguageAction}
      aria-label={t("label")}
      className="flex items-center justify-center gap-2"
    >
      <label htmlFor="language" className="text-slate-600 dark:text-slate-400">
        {t("label")}
      </label>
      <select
        id="language"
        name="language"
        defaultValue={locale}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {LOCALES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LOCALE_NAMES[language]}
          </option>
        ))}
      </select>
      <button type="submit" className={secondaryButtonClass}>
        {t("change")}
      </button>
    </form>
  );
}
