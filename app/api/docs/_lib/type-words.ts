import { getLocale, getTranslations } from "next-intl/server";
import type { TypeWords } from "./describe-type";

/** The words types are described with, from the catalog, with lists joined the reader's way. */
export async function typeWords(): Promise<TypeWords> {
  const [t, locale] = await Promise.all([getTranslations("apiDocs.type"), getLocale()]);
  const either = new Intl.ListFormat(locale, { type: "disjunction" });
  const list = new Intl.ListFormat(locale, { type: "unit" });
  return {
    arrayOf: (item) => t("arrayOf", { item }),
    mapOf: (value) => t("mapOf", { value }),
    oneOf: (options) => t("oneOf", { options: list.format(options) }),
    anyOf: (options) => t("anyOf", { options: list.format(options) }),
    allOf: (parts) => t("allOf", { parts: list.format(parts) }),
    or: (options) => either.format(options),
    any: t("any"),
  };
}
