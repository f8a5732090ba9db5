import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatusBadge } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { OperationsPanel } from "./_components/operations-panel";
import { HostTabs } from "./host-tabs";

/**
 * Every page of one host: its name, status and since when, the tabs between its pages, and
 * under each page the host's operations, so an action's progress shows wherever it was started.
 */
export default async function HostLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamId: string; hostId: string }>;
}) {
  const { teamId, hostId } = await params;
  const host = await load(async () => (await serverApi()).hosts.get({ teamId, hostId }));
  const [t, locale] = await Promise.all([getTranslations("hosts.layout"), getLocale()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/hosts`} className="text-blue-700 hover:underline dark:text-blue-400">
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
      </p>
      <header className="mb-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{host.name}</h1>
          <StatusBadge status={host.status} />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {host.hostname} · {t("since", { time: formatDateTime(host.statusSince, locale) })}
        </p>
      </header>
      <HostTabs teamId={teamId} hostId={hostId} />
      {children}
      <div className="mt-6">
        <OperationsPanel teamId={teamId} hostId={hostId} />
      </div>
    </>
  );
}
