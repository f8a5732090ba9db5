"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const TABS = ["overview", "databases", "clients", "backups", "schedules", "metrics"] as const;

/** The host's pages as tabs; the one showing is marked current for screen readers and the eye alike. */
export function HostTabs({ teamId, hostId }: { teamId: string; hostId: string }) {
  const t = useTranslations("hosts.layout");
  const pathname = usePathname();
  const base = `/teams/${teamId}/hosts/${hostId}`;
  return (
    <nav
      aria-label={t("tabs")}
      className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      {TABS.map((tab) => {
        const href = tab === "overview" ? base : `${base}/${tab}`;
        const current = tab === "overview" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={tab}
            href={href}
            aria-current={current ? "page" : undefined}
            className="-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-blue-700 aria-[current=page]:text-blue-800 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-blue-400 dark:aria-[current=page]:text-blue-200"
          >
            {t(tab)}
          </Link>
        );
      })}
    </nav>
  );
}
