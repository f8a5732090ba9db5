import { getRequestConfig } from "next-intl/server";
import { FORMATS, TIME_ZONE } from "@/lib/i18n/formats";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "./request-locale";

/** next-intl's per-request configuration: the request's language and its catalogs. */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale), formats: FORMATS, timeZone: TIME_ZONE };
});
