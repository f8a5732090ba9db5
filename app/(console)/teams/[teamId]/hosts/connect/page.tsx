import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { ConnectServerForm } from "./connect-server-form";

export const generateMetadata = pageTitle("hosts.connect");

/** A manager brings the team's own FileMaker Server under the console. */
export default async function ConnectServerPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const access = await load(async () => (await serverApi()).teams.access({ teamId }));
  if (!access.permissions.includes("hosts.connect")) forbidden();
  const [t, layout] = await Promise.all([getTranslations("hosts.connect"), getTranslations("hosts.layout")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/hosts`} className="text-blue-700 hover:underline dark:text-blue-400">
          <span aria-hidden="true">← </span>
          {layout("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description")} />
      <ConnectServerForm teamId={teamId} />
    </>
  );
}
