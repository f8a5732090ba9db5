import type { Metadata } from "next";
import { Badge, EmptyState, inputClass, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { ViewAsButton } from "@/app/_components/view-as-button";
import { formatDateTime } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import type { TeamAccess } from "@/server/teams/team-access";
import type { MemberActionName } from "./actions";
import { BULK_FORM_ID, GroupBulkForm } from "./group-bulk-form";
import { ImportDialog } from "./import-dialog";
import { InvitationButtons } from "./invitation-buttons";
import { InviteDialog } from "./invite-dialog";
import { MemberActions } from "./member-actions";
import { type MemberRow, MembersTable, Pager, ROLE_LABELS } from "./members-table";
import { readView, type SearchParams, viewFilters, viewQuery } from "./view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { teamId } = await params;
  const view = readView(await searchParams);
  const api = await serverApi();
  const access = await load(() => api.teams.access({ teamId }));
  const fileMaker = access.team.product === "filemaker_cloud";
  const may = (permission: (typeof access.permissions)[number]) => access.permissions.includes(permission);
  const [page, seats, invitations, groups] = await Promise.all([
    load(() => api.members.list({ teamId, ...viewFilters(view), after: view.after, before: view.before })),
    load(() => api.members.seats({ teamId })),
    load(() => api.invitations.list({ teamId })),
    fileMaker ? load(() => api.groups.list({ teamId })) : Promise.resolve([]),
  ]);
  const filtered = Boolean(view.q || view.role || view.licence || view.status || view.type);
  return (
    <>
      <PageHeader
        title="Users"
        description={
          seats
            ? `${seats.used} of ${seats.total} licences in use`
            : "Claris Connect teams have no per-user licences and no groups."
        }
      >
        <div className="flex flex-wrap gap-2">
          {may("members.invite") ? <InviteDialog teamId={teamId} fileMaker={fileMaker} groups={groups} /> : null}
          {may("members.invite") ? <ImportDialog teamId={teamId} /> : null}
          {may("members.export") ? (
            <a href={`/teams/${teamId}/users/export${viewQuery(view)}`} download className={secondaryButtonClass}>
              Export CSV
            </a>
          ) : null}
        </div>
      </PageHeader>

      <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
            Search users
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={view.q}
            placeholder="Part of a name or email"
            className={inputClass}
          />
        </div>
        <Filter
          id="filter-role"
          name="role"
          label="Role"
          value={view.role}
          options={[
            ["owner", "Owner"],
            ["manager", "Team manager"],
            ["member", "Member"],
          ]}
        />
        {fileMaker ? (
          <Filter
            id="filter-licence"
            name="licence"
            label="Licence"
            value={view.licence}
            options={[
              ["yes", "Licensed"],
              ["no", "Unlicensed"],
            ]}
          />
        ) : null}
        <Filter
          id="filter-status"
          name="status"
          label="Status"
          value={view.status}
          options={[
            ["active", "Active"],
            ["deactivated", "Deactivated"],
          ]}
        />
        <Filter
          id="filter-type"
          name="type"
          label="Type"
          value={view.type}
          options={[
            ["managed", "Managed"],
            ["external", "External"],
          ]}
        />
        {view.sort !== "name" ? <input type="hidden" name="sort" value={view.sort} /> : null}
        {view.dir !== "asc" ? <input type="hidden" name="dir" value={view.dir} /> : null}
        <button type="submit" className={secondaryButtonClass}>
          Apply
        </button>
      </form>

      {fileMaker && may("groups.manage") && groups.length > 0 ? (
        <GroupBulkForm teamId={teamId} groups={groups} />
      ) : null}

      {page.members.length === 0 ? (
        <EmptyState title={filtered ? "No user matches this view" : "No users yet"}>
          {filtered
            ? "Try part of a name or an email address, or clear the filters."
            : "Invite users or import a CSV file to add them."}
        </EmptyState>
      ) : (
        <MembersTable
          caption="Users"
          members={page.members}
          view={view}
          fileMaker={fileMaker}
          selectForm={fileMaker && may("groups.manage") ? BULK_FORM_ID : undefined}
          actions={
            access.support && !access.support.viewingAs
              ? (member) => <ViewAsButton teamId={teamId} membershipId={member.id} name={member.name} />
              : may("members.update") || may("ownership.transfer")
                ? (member) => (
                    <MemberActions
                      teamId={teamId}
                      membershipId={member.id}
                      email={member.email}
                      actions={actionsFor(member, access, fileMaker)}
                      empty={
                        member.role === "owner" ? "The team's owner cannot be changed." : "You cannot change this user."
                      }
                    />
                  )
                : undefined
          }
        />
      )}
      <Pager view={view} next={page.next} previous={page.previous} />

      <section className="mt-10" aria-labelledby="pending-invitations">
        <h2 id="pending-invitations" className="mb-3 text-lg font-semibold">
          Pending invitations
        </h2>
        {invitations.total === 0 ? (
          <EmptyState title="No pending invitations">
            Invitations you send appear here until they are accepted.
          </EmptyState>
        ) : (
          <>
            {invitations.total > invitations.invitations.length ? (
              <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
                The newest {invitations.invitations.length} of {invitations.total} pending invitations.
              </p>
            ) : null}
            <Table
              caption="Pending invitations"
              head={["Email", "Role", ...(fileMaker ? ["Licence", "Groups"] : []), "Expires", ""]}
            >
              {invitations.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <Td className="font-medium">{invitation.email}</Td>
                  <Td>{ROLE_LABELS[invitation.role]}</Td>
                  {fileMaker ? (
                    <Td>{invitation.licensed ? <Badge tone="blue">Licensed</Badge> : "Unlicensed"}</Td>
                  ) : null}
                  {fileMaker ? <Td>{invitation.groups.join(", ") || "—"}</Td> : null}
                  <Td>
                    {invitation.expired ? <Badge tone="red">Expired</Badge> : formatDateTime(invitation.expiresAt)}
                  </Td>
                  <Td className="text-right">
                    {may("members.invite") ? (
                      <InvitationButtons teamId={teamId} invitationId={invitation.id} email={invitation.email} />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
    </>
  );
}

function Filter({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: Array<[string, string]>;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The row actions that apply to this user and that the viewer may use; the server checks
 * every rule again, this only keeps impossible choices out of the menu.
 */
function actionsFor(member: MemberRow, access: TeamAccess, fileMaker: boolean): MemberActionName[] {
  const me = access.membership;
  const self = me?.id === member.id;
  const actions: MemberActionName[] = [];
  if (!access.permissions.includes("members.update")) return actions;
  const licence: MemberActionName = member.licensed ? "removeLicence" : "addLicence";
  // Only the owner changes the owner's licence; nothing else about the owner changes here.
  if (member.role === "owner") return self && fileMaker ? [licence] : actions;
  const mayChangeRole = member.role !== "manager" || me?.role === "owner" || self;
  if (mayChangeRole) actions.push(member.role === "member" ? "makeManager" : "makeMember");
  if (fileMaker && mayChangeRole) actions.push(licence);
  if (mayChangeRole && !self) {
    if (member.managed) actions.push(member.status === "deactivated" ? "reactivate" : "deactivate");
    else actions.push("remove");
  }
  if (access.permissions.includes("ownership.transfer") && member.status === "active")
    actions.push("transferOwnership");
  return actions;
}
