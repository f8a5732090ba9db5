import { getTranslations } from "next-intl/server";
import { Card, FactList, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { BackToSettings } from "../back-to-settings";
import { ProviderBadges } from "../provider-badges";
import { ProviderForm } from "../provider-form";
import { DeleteProvider, EnableProvider, TestConnection } from "./provider-controls";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ teamId: string; identityProviderId: string }>;
}) {
  const { teamId, identityProviderId } = await params;
  const provider = await (await serverApi()).identityProviders.get({ teamId, identityProviderId }).catch(() => null);
  return { title: provider?.name ?? (await getTranslations("identityProviders"))("title") };
}

/** One provider: what it needs from the console, whether it works, and its settings. */
export default async function IdentityProviderPage({
  params,
}: {
  params: Promise<{ teamId: string; identityProviderId: string }>;
}) {
  const { teamId, identityProviderId } = await params;
  const api = await serverApi();
  const [t, access, provider] = await Promise.all([
    getTranslations("identityProviders"),
    load(() => api.teams.access({ teamId })),
    load(() => api.identityProviders.get({ teamId, identityProviderId })),
  ]);
  const manage = access.permissions.includes("sso.manage");
  const { endpoints } = provider;
  const addresses =
    provider.kind === "oidc"
      ? ([
          ["redirectUri", endpoints.redirectUri],
          ["startUrl", endpoints.startUrl],
        ] as const)
      : ([
          ["acsUrl", endpoints.acsUrl],
          ["spEntityId", endpoints.spEntityId],
          ["startUrl", endpoints.startUrl],
        ] as const);
  const needs = addresses.map(([name, address]): [string, React.ReactNode] => [
    t(`needs.${name}`),
    <code key={name} className="select-all break-all">
      {address}
    </code>,
  ]);
  return (
    <>
      <BackToSettings teamId={teamId} to="providers" />
      <PageHeader title={provider.name} description={provider.kind === "oidc" ? t("form.oidc") : t("form.saml")}>
        <ProviderBadges enabled={provider.enabled} tested={provider.testedAt !== null} />
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("needs.card")}>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("needs.explanation")}</p>
          <FactList facts={needs} />
          {provider.kind === "saml" ? (
            <a
              href={`${endpoints.spEntityId}?download`}
              className="mt-3 inline-block text-sm text-blue-700 hover:underline dark:text-blue-400"
            >
              {t("needs.downloadMetadata")}
            </a>
          ) : null}
        </Card>
        {manage ? (
          <Card title={t("test.card")}>
            <TestConnection teamId={teamId} identityProviderId={provider.id} />
          </Card>
        ) : null}
        <Card title={t("edit.card")}>
          {manage ? (
            <ProviderForm teamId={teamId} provider={provider} licences={access.team.product === "filemaker_cloud"} />
          ) : (
            <FactList
              facts={[
                [t("form.issuer"), provider.issuer ?? "—"],
                [t("form.clientId"), provider.clientId ?? "—"],
                [t("form.groupClaim"), provider.groupClaim],
                [t("table.members"), String(provider.memberCount)],
              ]}
            />
          )}
        </Card>
        {manage ? (
          <Card title={t("status.card")}>
            <div className="flex flex-wrap items-start gap-4">
              <EnableProvider teamId={teamId} identityProviderId={provider.id} enabled={provider.enabled} />
              <DeleteProvider teamId={teamId} identityProviderId={provider.id} name={provider.name} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
