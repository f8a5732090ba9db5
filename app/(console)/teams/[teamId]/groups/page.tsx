import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { CreateGroupDialog, DeleteGroupDialog, RenameGroupDialog } from "./group-dialogs";

export const generateMetadata = pageTitle("groups");

export default async function GroupsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, access] = await Promise.all([getTranslations("groups"), load(() => api.teams.access({ teamId }))]);
  if (access.team.product !== "filemaker_cloud") {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("noGroupsInConnect")}>{t("noGroupsInConnectHint")}</EmptyState>
      </>
    );
  }
  const groups = await load(() => api.groups.list({ teamId }));
  const manage = access.permissions.includes("groups.manage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        {manage ? <CreateGroupDialog teamId={teamId} /> : null}
      </PageHeader>
      {groups.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <Table caption={t("table.caption")} head={[t("table.name"), t("table.members"), t("table.customApps"), ""]}>
          {groups.map((group) => (
            <tr key={group.id}>
              <Td className="font-medium">
                <Link
                  href={`/teams/${teamId}/groups/${group.id}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {group.name}
                </Link>
              </Td>
              <Td>{group.members}</Td>
              <Td>{group.customApps}</Td>
              <Td className="text-right">
                {manage ? (
                  <div className="flex justify-end gap-2">
                    <RenameGroupDialog teamId={teamId} groupId={group.id} name={group.name} />
                    <DeleteGroupDialog
                      teamId={teamId}
                      groupId={group.id}
                      name={group.name}
                      customApps={group.customApps}
                    />
                  </div>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
