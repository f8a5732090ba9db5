"use client";

import { createTranslator } from "next-intl";
import { useSyncExternalStore } from "react";
import en from "@/lib/i18n/messages/en/pages.json";
import nl from "@/lib/i18n/messages/nl/pages.json";

const CATALOGS = { en, nl };

/** The browser's language never changes while the page is open. */
function subscribeToNothing() {
  return () => {};
}

/** The browser's language: the root layout, which knows the account's, is what failed. */
function browserLocale(): keyof typeof CATALOGS {
  return navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en";
}

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = useSyncExternalStore(subscribeToNothing, browserLocale, () => "en" as const);
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "globalError" });
  return (
    <html lang={locale}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>{t("title")}</h1>
        <p>{t("explanation", { reference: error.digest ?? t("unknownReference") })}</p>
      </body>
    </html>
  );
}
