"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The pages a console navigation can link to, named in the `navigation` catalog. */
export type NavSection =
  | "home"
  | "users"
  | "groups"
  | "hosts"
  | "settings"
  | "subscription"
  | "audit"
  | "profile"
  | "security";

export interface NavItem {
  section: NavSection;
  href: string;
}

export function ConsoleNav({ items, name = "team" }: { items: NavItem[]; name?: "team" | "account" }) {
  const t = useTranslations("navigation");
  const pathname = usePathname();
  return (
    <nav aria-label={t(name)} className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        // Exact match for /profile, so that /profile/security does not mark Profile as well.
        const current =
          pathname === item.href || (item.href.split("/").length > 3 && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-200"
          >
            {t(`sections.${item.section}`)}
          </Link>
        );
      })}
    </nav>
  );
}
