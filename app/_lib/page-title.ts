import type { Metadata } from "next";
import type { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";

type Namespace = NonNullable<Parameters<typeof useTranslations>[0]>;

/** A page's `generateMetadata`: its title from the catalog, in the reader's language. */
export function pageTitle(namespace: Namespace, key: "title" | "metaTitle" = "title") {
  return async (): Promise<Metadata> => {
    // Every namespace at once is too large a type to check the key against; each page names its own.
    const t = (await getTranslations(namespace as never)) as (key: string) => string;
    return { title: t(key) };
  };
}
