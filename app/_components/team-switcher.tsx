"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMenu } from "./use-menu";

export interface SwitcherTeam {
  id: string;
  name: string;
  productName: string;
}

/** `canCreate`: the person may start a team of their own (not in a support view). */
export function TeamSwitcher({
  current,
  teams,
  canCreate,
}: {
  current: SwitcherTeam;
  teams: SwitcherTeam[];
  canCreate: boolean;
}) {
  const t = useTranslations("navigation");
  const { open, close, ref, buttonProps, menuProps } = useMenu();
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-controls="team-switcher-list"
        {...buttonProps}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">{t("switchTeam")} </span>
        <span>
          <span className="block text-sm font-semibold leading-tight">{current.name}</span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">{current.productName}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-slate-500" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      {open ? (
        <div
          id="team-switcher-list"
          aria-label={t("yourTeams")}
          role="menu"
          {...menuProps}
          className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {teams.map((team) => (
            <Link
              key={team.id}
              href={`/teams/${team.id}/home`}
              role="menuitem"
              tabIndex={-1}
              aria-current={team.id === current.id ? "true" : undefined}
              onClick={() => close(false)}
              className="block rounded-md px-3 py-2 hover:bg-slate-100 focus:bg-slate-100 aria-[current]:bg-blue-50 dark:hover:bg-slate-800 dark:focus:bg-slate-800 dark:aria-[current]:bg-blue-950"
            >
              <span className="block text-sm font-medium">{team.name}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{team.productName}</span>
            </Link>
          ))}
          {canCreate ? (
            <Link
              href="/teams/new"
              role="menuitem"
              tabIndex={-1}
              onClick={() => close(false)}
              className="mt-1 block rounded-md border-t border-slate-100 px-3 py-2 text-sm font-medium text-blue-700 hover:bg-slate-100 focus:bg-slate-100 dark:border-slate-800 dark:text-blue-400 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
            >
              {t("createTeam")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
