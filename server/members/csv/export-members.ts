import type { Queryable } from "@/db/client";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { type MemberListInput, listMembers } from "../list-members";
import { csvLine } from "./csv";

type MemberExportView = Omit<MemberListInput, "after" | "before" | "limit">;

const EXPORT_PAGE = 1000;

export const EXPORT_HEADER = ["name", "email", "role", "licensed", "status", "type", "two_step", "last_sign_in"];

/**
 * Records who exported which view of the users, then hands back the CSV to stream. The
 * event is written before the first byte, so an interrupted download still shows.
 */
export async function startMembersExport(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; view: MemberExportView },
): Promise<AsyncGenerator<string>> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "members.exported",
      target: { type: "team", id: input.teamId },
      after: { format: "csv", filter: input.view },
    }),
  );
  return exportMembers(db, input.teamId, input.view);
}

/**
 * The users of the current view as CSV, one chunk per keyset page of 1,000: the consumer
 * pulls chunks as it sends them, so memory stays flat however many users there are.
 */
export async function* exportMembers(
  db: Queryable,
  teamId: string,
  view: MemberExportView,
): AsyncGenerator<string> {
  yield csvLine(EXPORT_HEADER);
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
        ]),
      )
      .join("");
    after = page.next ?? undefined;
  } while (after);
}
