import { type SQL, sql } from "drizzle-orm";
import { accounts, memberships } from "@/db/schema";
import { DomainError } from "../errors";

export const MEMBER_SORTS = ["name", "email", "role", "licence", "status", "type", "twoStep", "lastSignIn"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/**
 * Each sort is a key expression, the SQL type its cursor value is cast back to, and the id
 * that breaks ties: the account's id, taken from the table whose index serves the order.
 */
const ORDERS: Record<MemberSort, { key: SQL; type: SQL; tieBreak: SQL }> = {
  name: { key: sql`lower(${accounts.name})`, type: sql`text`, tieBreak: sql`${accounts.id}` },
  email: { key: sql`lower(${accounts.email})`, type: sql`text`, tieBreak: sql`${accounts.id}` },
  lastSignIn: {
    key: sql`coalesce(${accounts.lastSignInAt}, '-infinity'::timestamptz)`,
    type: sql`timestamptz`,
    tieBreak: sql`${accounts.id}`,
  },
  twoStep: { key: sql`(${accounts.totpEnabledAt} is not null)`, type: sql`boolean`, tieBreak: sql`${accounts.id}` },
  type: {
    key: sql`coalesce(${accounts.managedByTeamId} = ${memberships.teamId}, false)`,
    type: sql`boolean`,
    tieBreak: sql`${accounts.id}`,
  },
  role: { key: sql`${memberships.role}`, type: sql`membership_role`, tieBreak: sql`${memberships.accountId}` },
  licence: { key: sql`${memberships.licensed}`, type: sql`boolean`, tieBreak: sql`${memberships.accountId}` },
  status: { key: sql`${memberships.status}`, type: sql`membership_status`, tieBreak: sql`${memberships.accountId}` },
};

export function memberOrder(sort: MemberSort) {
  return ORDERS[sort];
}

/** A position in one sorted list: the sort it belongs to, the row's key and account id. */
export interface MemberCursor {
  sort: MemberSort;
  key: string;
  id: string;
}

export function encodeMemberCursor(cursor: MemberCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeMemberCursor(value: string, sort: MemberSort): MemberCursor {
  try {
    const [cursorSort, key, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (cursorSort === sort && typeof key === "string" && typeof id === "string" && UUID.test(id)) {
      return { sort, key, id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new DomainError("INVALID_INPUT", "thisPageLinkIsOutOf");
}
