import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { AddDomainForm } from "./add-domain-form";
import { DomainActions } from "./domain-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

/** The team's email domains, each with the TXT record that proves the team owns it. */
export default async function VerifiedDomainsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, domains] = await Promise.all([
    getTranslations("domains"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.domains.list({ teamId })),
  ]);
  const manage = access.permissions.includes("sso.manage");
  const head = [t("table.domain"), t("table.status"), t("table.record"), ...(manage ? [t("table.actions")] : [])];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/settings`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {manage ? (
          <Card title={t("add.card")}>
            <AddDomainForm teamId={teamId} />
          </Card>
        ) : null}
        {domains.length === 0 ? (
          <EmptyState title={t("empty")}>{manage ? t("emptyHint") : t("emptyHintReadOnly")}</EmptyState>
        ) : (
          <Table caption={t("table.caption")} head={head}>
            {domains.map((domain) => (
              <tr key={domain.id} className="align-top">
                <Td className="font-medium">{domain.domain}</Td>
                <Td>
                  {domain.verifiedAt ? (
                    <Badge tone="green">{t("status.verified")}</Badge>
                  ) : (
                    <Badge tone="amber">{t("status.notVerified")}</Badge>
                  )}
                  <p className="mt-1 w-40 whitespace-normal text-xs text-slate-600 dark:text-slate-400">
                    {domain.lastCheckedAt
                      ? t("status.lastChecked", { checkedAt: formatDateTime(domain.lastCheckedAt, locale) })
                      : t("status.neverChecked")}
                  </p>
                </Td>
                <Td>
                  <dl className="grid w-96 grid-cols-[auto_1fr] gap-x-3 gap-y-1 whitespace-normal text-xs">
                    <dt className="text-slate-600 dark:text-slate-400">{t("record.name")}</dt>
                    <dd>
                      <code className="select-all break-all">{domain.record.name}</code>
                    </dd>
                    <dt className="text-slate-600 dark:text-slate-400">{t("record.value")}</dt>
                    <dd>
                      <code className="select-all break-all">{domain.record.value}</code>
                    </dd>
                  </dl>
                </Td>
                {manage ? (
                  <Td>
                    <DomainActions
                      teamId={teamId}
                      domainId={domain.id}
                      domain={domain.domain}
                      verified={domain.verifiedAt !== null}
                    />
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}
