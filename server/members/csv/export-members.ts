import type { Queryable } from "@/db/client";
import { auditedExport } from "../../audit/audited-export";
import type { DomainContext } from "../../domain-context";
import { listMembers, type MemberListInput } from "../list-members";
import { csvLine } from "./csv";

type MemberExportView = Omit<MemberListInput, "after" | "before" | "limit">;

const EXPORT_PAGE = 1000;

export const EXPORT_HEADER = ["name", "email", "role", "licensed", "status", "type", "two_step", "last_sign_in"];

/** The current view of the users as an audited CSV export (`members.exported` names the view). */
export function startMembersExport(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; view: MemberExportView },
): Promise<AsyncGenerator<string>> {
  return auditedExport(
    db,
    ctx,
    { teamId: input.teamId, action: "members.exported", after: { format: "csv", filter: input.view } },
    () => exportMembers(db, input.teamId, input.view),
  );
}

/**
 * The users of the current view as CSV, one chunk per keyset page of 1,000: the consumer
 * pulls chunks as it sends them, so memory stays flat however many users there are.
 */
export async function* exportMembers(db: Queryable, teamId: string, view: MemberExportView): AsyncGenerator<string> {
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
