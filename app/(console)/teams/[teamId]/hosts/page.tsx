import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass, EmptyState, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { HostCard } from "./host-card";

export const generateMetadata = pageTitle("hosts");

export default async function HostsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, hosts] = await Promise.all([
    getTranslations("hosts"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.hosts.list({ teamId })),
  ]);
  const may = (permission: (typeof access.permissions)[number]) => access.permissions.includes(permission);
  const operate = may("hosts.operate") && may("groups.read");
  const share = operate && may("members.invite") && may("members.read");
  const [teamGroups, seats] = await Promise.all([
    operate ? load(() => api.groups.choices({ teamId })) : Promise.resolve([]),
    share ? load(() => api.members.seats({ teamId })) : Promise.resolve(null),
  ]);
  const actions = operate
    ? {
        teamGroups: teamGroups.map(({ id, name }) => ({ id, name })),
        licencesLeft: share && seats ? Math.max(seats.total - seats.used, 0) : null,
      }
    : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        {may("hosts.connect") ? (
          <Link href={`/teams/${teamId}/hosts/connect`} className={buttonClass}>
            {t("list.connectServer")}
          </Link>
        ) : null}
      </PageHeader>
      {hosts.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          {may("hosts.connect") ? t("list.emptyConnectHint") : t("emptyText")}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {hosts.map((host) => (
            <HostCard key={host.id} teamId={teamId} host={host} locale={locale as Locale} actions={actions} />
          ))}
        </div>
      )}
    </>
  );
}
