import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { FORMATS, TIME_ZONE } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import { type Messages, messagesFor } from "@/lib/i18n/messages";

/**
 * A translator for work outside a page request (mails, jobs, refusals turned into messages):
 * the same catalogs and formats as the pages, in the language given.
 */
export function translatorFor<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(
  locale: Locale,
  namespace: Namespace,
) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace, formats: FORMATS, timeZone: TIME_ZONE });
}
