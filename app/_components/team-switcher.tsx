"use client";

import Link from "next/link";
import { usePopover } from "./use-popover";

export interface SwitcherTeam {
  id: string;
  name: string;
  productName: string;
}

export function TeamSwitcher({ current, teams }: { current: SwitcherTeam; teams: SwitcherTeam[] }) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="team-switcher-list"
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Switch team, current team: </span>
        <span>
          <span className="block text-sm font-semibold leading-tight">{current.name}</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">{current.productName}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-slate-500" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      {open ? (
        <ul
          id="team-switcher-list"
          aria-label="Your teams"
          className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {teams.map((team) => (
            <li key={team.id}>
              <Link
                href={`/teams/${team.id}/home`}
                aria-current={team.id === current.id ? "true" : undefined}
                onClick={() => setOpen(false)}
                className="block rounded-md px-3 py-2 hover:bg-slate-100 aria-[current]:bg-blue-50 dark:hover:bg-slate-800 dark:aria-[current]:bg-blue-950"
              >
                <span className="block text-sm font-medium">{team.name}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{team.productName}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
