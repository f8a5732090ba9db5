"use client";

import Link from "next/link";
import { signOutAction } from "@/app/_lib/sign-out-action";
import { usePopover } from "./use-popover";

export function ProfileMenu({ name, email }: { name: string; email: string }) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="profile-menu"
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-full p-1 pr-3 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span
          aria-hidden="true"
          className="flex h-8 w-8 items-center justify-center rounded-full bg-blue-600 text-xs font-semibold text-white"
        >
          {initials}
        </span>
        <span className="hidden sm:inline">{name}</span>
        <span className="sr-only">, account menu</span>
      </button>
      {open ? (
        <div
          id="profile-menu"
          className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="border-b border-slate-100 px-3 py-2 dark:border-slate-800">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400">{email}</p>
          </div>
          <Link
            href="/profile"
            className="mt-1 block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Profile
          </Link>
          <Link
            href="/profile/security"
            className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Security
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              className="mt-1 w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
