import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge, secondaryButtonClass } from "@/app/_components/ui";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { MemberAction } from "@/server/members/allowed-actions";
import type { MemberSort } from "@/server/members/member-order";
import { type MemberView, viewQuery } from "./view";

const STATUS_TONES = { invited: "blue", active: "green", deactivated: "slate" } as const;

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: "owner" | "manager" | "member";
  licensed: boolean;
  status: "invited" | "active" | "deactivated";
  managed: boolean;
  twoStep: boolean;
  /** The identity provider the user joined through, by name. */
  identityProvider: string | null;
  lastSignInAt: Date | null;
  allowedActions: MemberAction[];
}

/** The table's columns: each is named after its sort, but for the identity provider, which does not sort. */
const COLUMNS: Array<{ name: MemberSort | "identityProvider"; fileMakerOnly?: boolean }> = [
  { name: "name" },
  { name: "email" },
  { name: "role" },
  { name: "licence", fileMakerOnly: true },
  { name: "status" },
  { name: "type" },
  { name: "identityProvider" },
  { name: "twoStep" },
  { name: "lastSignIn" },
];

/** The users of a view, sortable by every column through links, with an optional checkbox and actions per row. */
export async function MembersTable({
  caption,
  members,
  view,
  fileMaker,
  selectForm,
  actions,
}: {
  caption: string;
  members: MemberRow[];
  view: MemberView;
  fileMaker: boolean;
  /** The id of the form that the row checkboxes belong to, when rows can be selected. */
  selectForm?: string;
  /** Left out when the viewer may change nothing here (a member, or support). */
  actions?: (member: MemberRow) => ReactNode;
}) {
  const t = await getTranslations("users");
  const locale = (await getLocale()) as Locale;
  const columns = COLUMNS.filter((c) => fileMaker || !c.fileMakerOnly);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900/60">
          <tr>
            {selectForm ? (
              <th scope="col" className="px-3 py-2.5">
                <span className="sr-only">{t("columns.selected")}</span>
              </th>
            ) : null}
            {columns.map((column) => {
              const headClass = "px-3 py-2.5 text-left font-medium text-slate-600 dark:text-slate-400";
              if (column.name === "identityProvider") {
                return (
                  <th key={column.name} scope="col" className={headClass}>
                    {t(`columns.${column.name}`)}
                  </th>
                );
              }
              const sort = column.name;
              const current = view.sort === sort;
              const dir = current && view.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={sort}
                  scope="col"
                  aria-sort={current ? (view.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={headClass}
                >
                  {/* Eight sorts of the same list: prefetching each would cost eight server renders per visit. */}
                  <Link
                    href={viewQuery(view, { sort, dir })}
                    prefetch={false}
                    className="inline-flex items-center gap-1 hover:underline"
                  >
                    {t(`columns.${sort}`)}
                    <span aria-hidden="true" className="text-xs">
                      {current ? (view.dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                    <span className="sr-only">
                      {t(dir === "asc" ? "columns.sortAscending" : "columns.sortDescending")}
                    </span>
                  </Link>
                </th>
              );
            })}
            {actions ? (
              <th scope="col" className="px-3 py-2.5">
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {members.map((member) => (
            <tr
              key={member.id}
              className={member.status === "deactivated" ? "text-slate-600 dark:text-slate-400" : undefined}
            >
              {selectForm ? (
                <td className="px-3 py-2.5">
                  <input
                    type="checkbox"
                    name="membershipIds"
                    value={member.id}
                    form={selectForm}
                    aria-label={t("select", { email: member.email })}
                    className="h-4 w-4 rounded border-slate-300 dark:border-slate-600"
                  />
                </td>
              ) : null}
              <Cell className="font-medium">{member.name}</Cell>
              <Cell>{member.email}</Cell>
              <Cell>{t(`role.${member.role}`)}</Cell>
              {fileMaker ? (
                <Cell>{member.licensed ? <Badge tone="blue">{t("licence.yes")}</Badge> : t("licence.no")}</Cell>
              ) : null}
              <Cell>
                <Badge tone={STATUS_TONES[member.status]}>{t(`status.${member.status}`)}</Badge>
              </Cell>
              <Cell>{t(member.managed ? "type.managed" : "type.external")}</Cell>
              <Cell>{member.identityProvider ?? t("noIdentityProvider")}</Cell>
              <Cell>{t(member.twoStep ? "twoStep.on" : "twoStep.off")}</Cell>
              <Cell>{member.lastSignInAt ? formatDateTime(member.lastSignInAt, locale) : t("neverSignedIn")}</Cell>
              {actions ? <Cell className="text-right">{actions(member)}</Cell> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`whitespace-nowrap px-3 py-2.5 ${className}`}>{children}</td>;
}

/** First, previous and next page links of a keyset-paged view. */
export async function Pager({
  view,
  next,
  previous,
}: {
  view: MemberView;
  next: string | null;
  previous: string | null;
}) {
  const t = await getTranslations("users.pager");
  return (
    <nav aria-label={t("label")} className="mt-4 flex gap-2">
      {previous ? (
        <>
          <Link href={viewQuery(view)} className={secondaryButtonClass}>
            {t("first")}
          </Link>
          <Link href={viewQuery(view, { before: previous })} className={secondaryButtonClass}>
            {t("previous")}
          </Link>
        </>
      ) : null}
      {next ? (
        <Link href={viewQuery(view, { after: next })} className={secondaryButtonClass}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
