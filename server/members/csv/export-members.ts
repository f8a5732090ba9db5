import type { Queryable } from "@/db/client";
import { type MemberListInput, listMembers } from "../list-members";
import { csvLine } from "./csv";

const EXPORT_PAGE = 1000;

export const EXPORT_HEADER = ["name", "email", "role", "licensed", "status", "type", "two_step", "last_sign_in"];

/**
 * The users of the current view as CSV, one chunk per keyset page of 1,000: the consumer
 * pulls chunks as it sends them, so memory stays flat however many users there are.
 */
export async function* exportMembers(
  db: Queryable,
  teamId: string,
  view: Omit<MemberListInput, "after" | "before" | "limit">,
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
