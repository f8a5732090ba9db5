import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { SelectField } from "@/app/_components/form-parts";
import { EmptyState, PageHeader, secondaryButtonClass, smallButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { type KindTranslator, notificationText } from "@/lib/i18n/notification-text";
import { serverApi } from "@/server/caller";
import { deleteNotificationAction, markAllReadAction, openNotificationAction } from "./actions";
import { EmailChoices } from "./email-choices";

export const generateMetadata = pageTitle("notifications");

/** Where a page of notifications starts: after the last one of the page before (its time and id). */
function cursorOf(before?: string, beforeId?: string) {
  const createdAt = before ? new Date(before) : null;
  return createdAt && !Number.isNaN(createdAt.getTime()) && beforeId ? { createdAt, id: beforeId } : undefined;
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ team?: string; before?: string; beforeId?: string }>;
}) {
  const { team, before, beforeId } = await searchParams;
  const teamId = team || undefined;
  const api = await serverApi();
  const [t, locale, teams, page, choices] = await Promise.all([
    getTranslations("notifications"),
    getLocale(),
    load(() => api.notifications.teams()),
    load(() => api.notifications.list({ teamId, before: cursorOf(before, beforeId) })),
    load(() => api.notifications.emailPreferences()),
  ]);
  const text = (kind: string, params: Record<string, string | number>) =>
    notificationText(t as unknown as KindTranslator, kind, params);
  const filter: Record<string, string> = teamId ? { team: teamId } : {};

  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <ActionButton
          action={markAllReadAction}
          fields={teamId ? { teamId } : {}}
          label={t("markAllRead")}
          className={secondaryButtonClass}
        />
      </PageHeader>
      {teams.length > 0 ? (
        <form className="mb-4 flex flex-wrap items-end gap-2">
          <div className="min-w-56">
            <SelectField name="team" label={t("filter.team")} defaultValue={teamId ?? ""}>
              <option value="">{t("filter.allTeams")}</option>
              {teams.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </SelectField>
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t("filter.submit")}
          </button>
        </form>
      ) : null}
      {page.items.length === 0 ? (
        teamId ? (
          <EmptyState title={t("emptyTeam")}>{t("emptyTeamHint")}</EmptyState>
        ) : (
          <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
        )
      ) : (
        <ul
          aria-label={t("list")}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {page.items.map((item) => {
            const { title, body } = text(item.kind, item.params);
            const unread = item.readAt === null;
            return (
              <li key={item.id} className={`flex gap-3 p-4 ${unread ? "bg-blue-50/60 dark:bg-blue-950/40" : ""}`}>
                <span
                  aria-hidden="true"
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-blue-600 dark:bg-blue-400" : ""}`}
                />
                <div className="min-w-0 flex-1">
                  <ActionButton
                    action={openNotificationAction}
                    fields={{ id: item.id }}
                    label={title}
                    className={`text-left text-sm text-blue-800 underline-offset-2 hover:underline dark:text-blue-300 ${unread ? "font-semibold" : "font-medium"}`}
                  />
                  {unread ? <span className="sr-only">{t("unread")}</span> : null}
                  {body ? <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{body}</p> : null}
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    {item.teamName ?? t("noTeam")} · {formatDateTime(item.createdAt, locale)}
                    {unread ? ` · ${t("unread")}` : ""}
                  </p>
                  {item.teamId && item.link === null ? (
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("noLongerOpen")}</p>
                  ) : null}
                </div>
                <ActionButton
                  action={deleteNotificationAction}
                  fields={{ id: item.id }}
                  label={t("delete")}
                  className={smallButtonClass}
                  formClass="shrink-0 space-y-2"
                />
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4 flex gap-2">
        {before ? (
          <Link href={`?${new URLSearchParams(filter)}`} className={secondaryButtonClass}>
            {t("newest")}
          </Link>
        ) : null}
        {page.next ? (
          <Link
            href={`?${new URLSearchParams({ ...filter, before: page.next.createdAt.toISOString(), beforeId: page.next.id })}`}
            className={secondaryButtonClass}
          >
            {t("older")}
          </Link>
        ) : null}
      </div>
      <EmailChoices choices={choices} />
    </>
  );
}
