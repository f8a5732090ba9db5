import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyField } from "@/app/_components/copy-field";
import { Card, FactList, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { ScimTokenActions } from "./scim-token-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scim"))("title") };
}

/** Where the team's identity provider sends its SCIM requests, and the token it sends them with. */
export default async function ScimProvisioningPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, status] = await Promise.all([
    getTranslations("scim"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.scim.status({ teamId })),
  ]);
  const token = status.token;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/settings`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card title={t("connection.card")}>
          <div className="space-y-4">
            <CopyField
              label={t("connection.baseUrl")}
              value={status.baseUrl}
              copyName={t("copyLabel", { label: t("connection.baseUrl") })}
            />
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("connection.hint")}</p>
          </div>
        </Card>
        <Card title={t("token.card")}>
          <div className="space-y-4">
            {token ? (
              <FactList
                facts={[
                  [t("token.prefix"), <code key="prefix">{`${token.prefix}…`}</code>],
                  [
                    t("token.created"),
                    t("token.createdBy", {
                      createdAt: formatDateTime(token.createdAt, locale),
                      by: token.createdByName ?? t("token.formerManager"),
                    }),
                  ],
                  [
                    t("token.lastUsed"),
                    token.lastUsedAt
                      ? t("token.lastUsedFrom", {
                          usedAt: formatDateTime(token.lastUsedAt, locale),
                          ip: token.lastUsedIp ?? t("token.unknownAddress"),
                        })
                      : t("token.neverUsed"),
                  ],
                ]}
              />
            ) : (
              <p className="text-sm">{t("token.none")}</p>
            )}
            {access.permissions.includes("scim.manage") ? (
              <ScimTokenActions teamId={teamId} hasToken={token !== null} />
            ) : null}
          </div>
        </Card>
      </div>
    </>
  );
}
