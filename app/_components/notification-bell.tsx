import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

/** The top bar's way to the person's notifications; its name and badge say how many are unread. */
export async function NotificationBell() {
  const api = await serverApi();
  const [t, unread] = await Promise.all([
    getTranslations("notifications"),
    load(() => api.notifications.unreadCount()),
  ]);
  return (
    <Link
      href="/notifications"
      aria-label={t("bell", { count: unread })}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path strokeLinecap="round" strokeLinejoin="round" d="M6 9a6 6 0 1 1 12 0c0 4.5 2 6 2 6H4s2-1.5 2-6Z" />
        <path strokeLinecap="round" d="M10 19a2 2 0 0 0 4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
