import { getTranslations } from "next-intl/server";
import { AccessRefused, Card, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { BackToSettings } from "../back-to-settings";
import { ProviderForm } from "../provider-form";

export async function generateMetadata() {
  return { title: (await getTranslations("identityProviders"))("addTitle") };
}

export default async function AddIdentityProviderPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, access] = await Promise.all([
    getTranslations("identityProviders"),
    load(() => api.teams.access({ teamId })),
  ]);
  if (!access.permissions.includes("sso.manage")) return <AccessRefused />;
  return (
    <>
      <BackToSettings teamId={teamId} to="providers" />
      <PageHeader title={t("addTitle")} description={t("addDescription")} />
      <Card>
        <ProviderForm teamId={teamId} licences={access.team.product === "filemaker_cloud"} />
      </Card>
    </>
  );
}
