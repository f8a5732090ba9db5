import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { CreateGroupDialog, DeleteGroupDialog, RenameGroupDialog } from "./group-dialogs";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const access = await load(() => api.teams.access({ teamId }));
  if (access.team.product !== "filemaker_cloud") {
    return (
      <>
        <PageHeader title="Groups" />
        <EmptyState title="Claris Connect teams have no groups">
          Access in Claris Connect is given per user, on the Users page.
        </EmptyState>
      </>
    );
  }
  const groups = await load(() => api.groups.list({ teamId }));
  const manage = access.permissions.includes("groups.manage");
  return (
    <>
      <PageHeader title="Groups" description="Members of a group share the same access to custom apps.">
        {manage ? <CreateGroupDialog teamId={teamId} /> : null}
      </PageHeader>
      {groups.length === 0 ? (
        <EmptyState title="No groups yet">Create a group, then add users to it from the Users page.</EmptyState>
      ) : (
        <Table caption="Groups" head={["Name", "Members", "Custom apps", ""]}>
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
