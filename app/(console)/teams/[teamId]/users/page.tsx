import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader, StatusBadge, Table, Td, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { formatDateTime } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABELS = { owner: "Owner", manager: "Team manager", member: "Member" } as const;

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ q?: string; afterName?: string; afterId?: string }>;
}) {
  const { teamId } = await params;
  const query = await searchParams;
  const api = await serverApi();
  const after = query.afterName !== undefined && query.afterId ? { name: query.afterName, id: query.afterId } : undefined;
  const [access, page] = await Promise.all([
    load(() => api.teams.access({ teamId })),
    load(() => api.members.list({ teamId, search: query.q || undefined, after })),
  ]);
  const fileMaker = access.team.product === "filemaker_cloud";
  const nextHref = page.next
    ? `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), afterName: page.next.name, afterId: page.next.id })}`
    : null;
  return (
    <>
      <PageHeader title="Users" description={`People in ${access.team.name}, by name.`} />
      <form role="search" className="mb-4 flex max-w-md gap-2">
        <label htmlFor="user-search" className="sr-only">
          Search users
        </label>
        <input id="user-search" name="q" type="search" defaultValue={query.q} placeholder="Search by name or email" className={inputClass} />
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>
      {page.members.length === 0 ? (
        <EmptyState title={query.q ? `No user matches "${query.q}"` : "No users yet"}>
          {query.q ? "Try part of a name or an email address." : "Users appear here when they join the team."}
        </EmptyState>
      ) : (
        <Table
          caption="Users"
          head={["Name", "Email", "Role", ...(fileMaker ? ["Licence"] : []), "Status", "Type", "Two-step", "Last sign-in"]}
        >
          {page.members.map((member) => (
            <tr key={member.id} className={member.status === "deactivated" ? "opacity-60" : undefined}>
              <Td className="font-medium">{member.name}</Td>
              <Td>{member.email}</Td>
              <Td>{ROLE_LABELS[member.role]}</Td>
              {fileMaker ? <Td>{member.licensed ? <Badge tone="blue">Licensed</Badge> : "Unlicensed"}</Td> : null}
              <Td>
                <StatusBadge status={member.status} />
              </Td>
              <Td>{member.managed ? "Managed" : "External"}</Td>
              <Td>{member.twoStep ? "On" : "Off"}</Td>
              <Td>{formatDateTime(member.lastSignInAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
      <div className="mt-4 flex gap-2">
        {after ? (
          <Link href={query.q ? `?${new URLSearchParams({ q: query.q })}` : "?"} className={secondaryButtonClass}>
            First page
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={secondaryButtonClass}>
            Next page
          </Link>
        ) : null}
      </div>
    </>
  );
}
