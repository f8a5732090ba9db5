import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { Field } from "@/app/_components/form-parts";
import { EmptyState, PageHeader, secondaryButtonClass, smallButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { MembersTable, Pager } from "../../users/members-table";
import { readView, type SearchParams, viewFilters } from "../../users/view";
import { removeFromGroupAction } from "../actions";
import { ProviderGroupForm } from "./provider-group-form";

export const generateMetadata = pageTitle("groups.group");

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
  const [t, access, group, page] = await Promise.all([
    getTranslations("groups.group"),
    load(() => api.teams.access({ teamId })),
    load(() => api.groups.get({ teamId, groupId })),
    load(() => api.members.list({ teamId, groupId, ...viewFilters(view), after: view.after, before: view.before })),
  ]);
  const manage = access.permissions.includes("groups.manage");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/groups`} className="text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={group.name} description={t("description", { count: group.customApps })} />
      {manage ? (
        <ProviderGroupForm teamId={teamId} groupId={groupId} providerGroup={group.identityProviderGroup} />
      ) : group.identityProviderGroup ? (
        <p className="mb-4 text-sm">{t("providerGroup.readOnly", { providerGroup: group.identityProviderGroup })}</p>
      ) : null}
      <form role="search" className="mb-4 flex max-w-md items-end gap-2">
        <div className="flex-1">
          <Field
            name="q"
            label={t("search")}
            type="search"
            defaultValue={view.q}
            placeholder={t("searchPlaceholder")}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("searchSubmit")}
        </button>
      </form>
      {page.members.length === 0 ? (
        <EmptyState title={view.q ? t("noMatch", { query: view.q }) : t("empty")}>
          {view.q ? t("noMatchHint") : t("emptyHint")}
        </EmptyState>
      ) : (
        <MembersTable
          caption={t("caption", { name: group.name })}
          members={page.members}
          view={view}
          fileMaker
          actions={(member) =>
            manage ? (
              <ActionButton
                action={removeFromGroupAction}
                fields={{ teamId, groupId, membershipIds: member.id }}
                label={t("remove")}
                name={t("removeMember", { email: member.email })}
                className={smallButtonClass}
                formClass="flex flex-row-reverse items-center justify-start gap-2"
              />
            ) : null
          }
        />
      )}
      <Pager view={view} next={page.next} previous={page.previous} />
    </>
  );
}
