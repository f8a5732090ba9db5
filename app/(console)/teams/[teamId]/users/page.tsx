import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Field, SelectField } from "@/app/_components/form-parts";
import { Badge, EmptyState, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { ViewAsButton } from "@/app/_components/view-as-button";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { BULK_FORM_ID, GroupBulkForm } from "./group-bulk-form";
import { ImportDialog } from "./import-dialog";
import { InvitationButtons } from "./invitation-buttons";
import { InviteDialog } from "./invite-dialog";
import { MemberActions } from "./member-actions";
import { MembersTable, Pager } from "./members-table";
import { FILTERS, readView, type SearchParams, viewFilters, viewQuery } from "./view";

export const generateMetadata = pageTitle("users");

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { teamId } = await params;
  const view = readView(await searchParams);
  const t = await getTranslations("users");
  const tTransfers = await getTranslations("accountTransfers.requests");
  const locale = (await getLocale()) as Locale;
  const number = (value: number) => formatNumber(value, locale);
  const api = await serverApi();
  const access = await load(() => api.teams.access({ teamId }));
  const fileMaker = access.team.product === "filemaker_cloud";
  const may = (permission: (typeof access.permissions)[number]) => access.permissions.includes(permission);
  const [page, seats, invitations, groups, providers, transfers] = await Promise.all([
    load(() => api.members.list({ teamId, ...viewFilters(view), after: view.after, before: view.before })),
    load(() => api.members.seats({ teamId })),
    load(() => api.invitations.list({ teamId })),
    fileMaker ? load(() => api.groups.list({ teamId })) : Promise.resolve([]),
    may("sso.read") ? load(() => api.identityProviders.list({ teamId })) : Promise.resolve([]),
    may("transfers.read") ? load(() => api.accountTransfers.waiting({ teamId })) : Promise.resolve(null),
  ]);
  const filtered = Boolean(view.q || view.role || view.licence || view.status || view.type || view.provider);
  // The pickers need a group's id and name only; a team may have a thousand groups, each sent to the browser.
  const groupChoices = groups.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={seats ? t("seats", { used: number(seats.used), total: number(seats.total) }) : t("noLicences")}
      >
        <div className="flex flex-wrap gap-2">
          {may("members.invite") ? <InviteDialog teamId={teamId} fileMaker={fileMaker} groups={groupChoices} /> : null}
          {may("members.invite") ? <ImportDialog teamId={teamId} /> : null}
          {transfers ? (
            <Link href={`/teams/${teamId}/users/transfers`} className={secondaryButtonClass}>
              {tTransfers("usersLink", { count: number(transfers.length) })}
            </Link>
          ) : null}
          {may("members.export") ? (
            <a href={`/teams/${teamId}/users/export${viewQuery(view)}`} download className={secondaryButtonClass}>
              {t("exportCsv")}
            </a>
          ) : null}
        </div>
      </PageHeader>

      <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            name="q"
            label={t("search.label")}
            type="search"
            defaultValue={view.q}
            placeholder={t("search.placeholder")}
          />
        </div>
        {(Object.keys(FILTERS) as Array<keyof typeof FILTERS>)
          .filter((name) => fileMaker || name !== "licence")
          .map((name) => (
            <SelectField key={name} name={name} label={t(`columns.${name}`)} defaultValue={view[name] ?? ""}>
              <option value="">{t("search.any")}</option>
              {FILTERS[name].map((value) => (
                <option key={value} value={value}>
                  {/* Each filter's values are keys of its own part of the catalog ("role.owner"). */}
                  {t(`${name}.${value}` as Parameters<typeof t>[0])}
                </option>
              ))}
            </SelectField>
          ))}
        {providers.length > 0 ? (
          <SelectField name="provider" label={t("columns.identityProvider")} defaultValue={view.provider ?? ""}>
            <option value="">{t("search.any")}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {view.sort !== "name" ? <input type="hidden" name="sort" value={view.sort} /> : null}
        {view.dir !== "asc" ? <input type="hidden" name="dir" value={view.dir} /> : null}
        <button type="submit" className={secondaryButtonClass}>
          {t("search.apply")}
        </button>
      </form>

      {fileMaker && may("groups.manage") && groups.length > 0 ? (
        <GroupBulkForm teamId={teamId} groups={groupChoices} />
      ) : null}

      {page.members.length === 0 ? (
        <EmptyState title={t(filtered ? "empty.filteredTitle" : "empty.title")}>
          {t(filtered ? "empty.filtered" : "empty.text")}
        </EmptyState>
      ) : (
        <MembersTable
          caption={t("title")}
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
                      actions={member.allowedActions}
                      empty={t(member.role === "owner" ? "actions.ownerUnchangeable" : "actions.unchangeable")}
                    />
                  )
                : undefined
          }
        />
      )}
      <Pager view={view} next={page.next} previous={page.previous} />

      <section className="mt-10" aria-labelledby="pending-invitations">
        <h2 id="pending-invitations" className="mb-3 text-lg font-semibold">
          {t("invitations.heading")}
        </h2>
        {invitations.total === 0 ? (
          <EmptyState title={t("invitations.emptyTitle")}>{t("invitations.empty")}</EmptyState>
        ) : (
          <>
            {invitations.total > invitations.invitations.length ? (
              <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
                {t("invitations.newest", {
                  shown: number(invitations.invitations.length),
                  total: number(invitations.total),
                })}
              </p>
            ) : null}
            <Table
              caption={t("invitations.heading")}
              head={[
                t("columns.email"),
                t("columns.role"),
                ...(fileMaker ? [t("columns.licence"), t("columns.groups")] : []),
                t("columns.expires"),
                "",
              ]}
            >
              {invitations.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <Td className="font-medium">{invitation.email}</Td>
                  <Td>{t(`role.${invitation.role}`)}</Td>
                  {fileMaker ? (
                    <Td>{invitation.licensed ? <Badge tone="blue">{t("licence.yes")}</Badge> : t("licence.no")}</Td>
                  ) : null}
                  {fileMaker ? <Td>{invitation.groups.join(", ") || t("invitations.noGroups")}</Td> : null}
                  <Td>
                    {invitation.expired ? (
                      <Badge tone="red">{t("invitations.expired")}</Badge>
                    ) : (
                      formatDateTime(invitation.expiresAt, locale)
                    )}
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
