import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, inputClass, PageHeader, secondaryButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { MembersTable, Pager } from "../../users/members-table";
import { readView, type SearchParams, viewFilters } from "../../users/view";
import { RemoveFromGroupButton } from "./remove-button";

export const metadata: Metadata = { title: "Group" };

/** One group's members, paged, sorted and searched like the Users table. */
export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; groupId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { teamId, groupId } = await params;
  const view = readView(await searchParams);
  const api = await serverApi();
  const [access, group, page] = await Promise.all([
    load(() => api.teams.access({ teamId })),
    load(() => api.groups.get({ teamId, groupId })),
    load(() => api.members.list({ teamId, groupId, ...viewFilters(view), after: view.after, before: view.before })),
  ]);
  const manage = access.permissions.includes("groups.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/groups`} className="text-blue-700 hover:underline dark:text-blue-400">
          ← Groups
        </Link>
      </p>
      <PageHeader
        title={group.name}
        description={`Opens ${group.customApps} custom app${group.customApps === 1 ? "" : "s"}. Add users from the Users page.`}
      />
      <form role="search" className="mb-4 flex max-w-md items-end gap-2">
        <div className="flex-1">
          <label htmlFor="group-search" className="mb-1 block text-sm font-medium">
            Search members
          </label>
          <input
            id="group-search"
            name="q"
            type="search"
            defaultValue={view.q}
            placeholder="Part of a name or email"
            className={inputClass}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>
      {page.members.length === 0 ? (
        <EmptyState title={view.q ? `No member matches "${view.q}"` : "No members yet"}>
          {view.q
            ? "Try part of a name or an email address."
            : "Tick users on the Users page and add them to this group."}
        </EmptyState>
      ) : (
        <MembersTable
          caption={`Members of ${group.name}`}
          members={page.members}
          view={view}
          fileMaker
          actions={(member) =>
            manage ? (
              <RemoveFromGroupButton teamId={teamId} groupId={groupId} membershipId={member.id} email={member.email} />
            ) : null
          }
        />
      )}
      <Pager view={view} next={page.next} previous={page.previous} />
    </>
  );
}
