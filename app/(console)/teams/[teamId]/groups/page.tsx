import type { Metadata } from "next";
import { EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const groups = await load(async () => (await serverApi()).groups.list({ teamId }));
  return (
    <>
      <PageHeader title="Groups" description="Members of a group share the same access to custom apps." />
      {groups.length === 0 ? (
        <EmptyState title="No groups yet">Groups give a set of users the same access to custom apps.</EmptyState>
      ) : (
        <Table caption="Groups" head={["Name", "Members", "Custom apps"]}>
          {groups.map((group) => (
            <tr key={group.id}>
              <Td className="font-medium">{group.name}</Td>
              <Td>{group.members}</Td>
              <Td>{group.customApps}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
