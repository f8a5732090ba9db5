import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, EmptyState, PageHeader, Table, Td, type Tone } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDate, formatDateTime } from "@/lib/format";
import { API_KEY_EXPIRY_CHOICES, API_KEY_EXPIRY_DAYS_DEFAULT } from "@/server/api-keys/api-key-rules";
import type { ApiKeyState } from "@/server/api-keys/list-api-keys";
import { serverApi } from "@/server/caller";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.apiKeys"))("title") };
}

const STATE_TONES: Record<ApiKeyState, Tone> = {
  active: "green",
  expired: "slate",
  revoked: "red",
  creatorNotManager: "amber",
};

/** The team's API keys: who made each, what it may do, its last use and its state; managers create and revoke them. */
export default async function ApiKeysPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, keys] = await Promise.all([
    getTranslations("settings.apiKeys"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.apiKeys.list({ teamId })),
  ]);
  const manage = access.permissions.includes("apiKeys.manage");
  const scopes = manage ? await load(() => api.apiKeys.scopes({ teamId })) : [];
  const head = [
    t("table.name"),
    t("table.createdBy"),
    t("table.scopes"),
    t("table.lastUsed"),
    t("table.expires"),
    t("table.state"),
    ...(manage ? [t("table.actions")] : []),
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/settings`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")}>
        {manage ? (
          <CreateApiKeyDialog
            teamId={teamId}
            scopes={scopes}
            expiryChoices={API_KEY_EXPIRY_CHOICES}
            defaultExpiry={API_KEY_EXPIRY_DAYS_DEFAULT}
          />
        ) : null}
      </PageHeader>
      {keys.length === 0 ? (
        <EmptyState title={t("empty")}>{manage ? t("emptyHint") : t("emptyHintReadOnly")}</EmptyState>
      ) : (
        <Table caption={t("table.caption")} head={head}>
          {keys.map((key) => (
            <tr key={key.id} className="align-top">
              <Td>
                <span className="font-medium">{key.name}</span>
                <code className="block text-xs text-slate-600 dark:text-slate-400">{key.prefix}…</code>
              </Td>
              <Td>
                {key.createdBy ? (
                  <>
                    {key.createdBy.name}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{key.createdBy.email}</span>
                  </>
                ) : (
                  t("table.formerUser")
                )}
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {t("table.createdOn", { createdAt: formatDate(key.createdAt, locale) })}
                </span>
              </Td>
              <Td className="whitespace-normal">
                <ul className="w-36 space-y-0.5 text-xs">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                {key.lastUsedAt ? (
                  <>
                    {formatDateTime(key.lastUsedAt, locale)}
                    {key.lastUsedIp ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {t("table.fromIp", { ip: key.lastUsedIp })}
                      </span>
                    ) : null}
                  </>
                ) : (
                  t("table.never")
                )}
              </Td>
              <Td>{formatDate(key.expiresAt, locale)}</Td>
              <Td>
                <Badge tone={STATE_TONES[key.state]}>{t(`state.${key.state}`)}</Badge>
                {key.state === "creatorNotManager" ? (
                  <p className="mt-1 w-40 whitespace-normal text-xs text-slate-600 dark:text-slate-400">
                    {t("state.creatorNotManagerHint")}
                  </p>
                ) : null}
              </Td>
              {manage ? (
                <Td>
                  {key.state === "active" || key.state === "creatorNotManager" ? (
                    <RevokeApiKeyDialog teamId={teamId} apiKeyId={key.id} name={key.name} prefix={key.prefix} />
                  ) : null}
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
