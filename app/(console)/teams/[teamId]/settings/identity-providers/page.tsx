import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass, EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { BackToSettings } from "./back-to-settings";
import { ProviderBadges } from "./provider-badges";

export const generateMetadata = pageTitle("identityProviders");

/** The team's identity providers: who signs in through which, and whether each is ready. */
export default async function IdentityProvidersPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, access, providers] = await Promise.all([
    getTranslations("identityProviders"),
    load(() => api.teams.access({ teamId })),
    load(() => api.identityProviders.list({ teamId })),
  ]);
  const manage = access.permissions.includes("sso.manage");
  return (
    <>
      <BackToSettings teamId={teamId} />
      <PageHeader title={t("title")} description={t("description")}>
        {manage ? (
          <Link href={`/teams/${teamId}/settings/identity-providers/new`} className={buttonClass}>
            {t("add")}
          </Link>
        ) : null}
      </PageHeader>
      {providers.length === 0 ? (
        <EmptyState title={t("empty")}>{manage ? t("emptyHint") : null}</EmptyState>
      ) : (
        <Table
          caption={t("table.caption")}
          head={[t("table.name"), t("table.protocol"), t("table.status"), t("table.members")]}
        >
          {providers.map((provider) => (
            <tr key={provider.id}>
              <Td className="font-medium">
                <Link
                  href={`/teams/${teamId}/settings/identity-providers/${provider.id}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {provider.name}
                </Link>
              </Td>
              <Td>{provider.kind === "oidc" ? t("form.oidc") : t("form.saml")}</Td>
              <Td>
                <ProviderBadges enabled={provider.enabled} tested={provider.testedAt !== null} />
              </Td>
              <Td>{provider.memberCount}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
