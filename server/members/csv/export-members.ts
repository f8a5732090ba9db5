import type { Queryable } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { auditedExport } from "../../audit/audited-export";
import type { DomainContext } from "../../domain-context";
import { actorLocale } from "../../i18n/reader-locale";
import { translatorFor } from "../../i18n/translator";
import { listMembers, type MemberListInput } from "../list-members";
import { csvLine } from "./csv";

type MemberExportView = Omit<MemberListInput, "after" | "before" | "limit">;

const EXPORT_PAGE = 1000;

/** The export's columns, each headed by its name in the reader's language. */
const EXPORT_COLUMNS = [
  "name",
  "email",
  "role",
  "licensed",
  "status",
  "type",
  "twoStep",
  "lastSignIn",
  "identityProvider",
] as const;

export function exportHeader(locale: Locale): string[] {
  const t = translatorFor(locale, "csv");
  return EXPORT_COLUMNS.map((column) => t(`columns.${column}`));
}

/** The current view of the users as an audited CSV export (`members.exported` names the view). */
export async function startMembersExport(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; view: MemberExportView },
): Promise<AsyncGenerator<string>> {
  const locale = await actorLocale(db, ctx);
  return auditedExport(
    db,
    ctx,
    { teamId: input.teamId, action: "members.exported", after: { format: "csv", filter: input.view } },
    () => exportMembers(db, input.teamId, input.view, locale),
  );
}

/**
 * The users of the current view as CSV, one chunk per keyset page of 1,000: the consumer
 * pulls chunks as it sends them, so memory stays flat however many users there are.
 */
export async function* exportMembers(
  db: Queryable,
  teamId: string,
  view: MemberExportView,
  locale: Locale,
): AsyncGenerator<string> {
  yield csvLine(exportHeader(locale));
  let after: string | undefined;
  do {
    const page = await listMembers(db, teamId, { ...view, after, limit: EXPORT_PAGE });
    yield page.members
      .map((m) =>
        csvLine([
          m.name,
          m.email,
          m.role,
          m.licensed ? "yes" : "no",
          m.status,
          m.managed ? "managed" : "external",
          m.twoStep ? "on" : "off",
          m.lastSignInAt?.toISOString() ?? "",
          m.identityProvider ?? "",
        ]),
      )
      .join("");
    after = page.next ?? undefined;
  } while (after);
}
