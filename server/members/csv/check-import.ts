import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups, subscriptions } from "@/db/schema";
import {
  IMPORT_COLUMNS,
  IMPORT_HEADER,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseLicensed,
  parseRole,
} from "@/lib/member-import-format";
import { DomainError } from "../../errors";
import type { NewInvitation } from "../../invitations/create-invitations";
import { domainRefusal, existingInvitees, type InvitingTeam, isEmailAddress } from "../../invitations/invitee-checks";
import { productName } from "../../permissions";
import { seatsInUse } from "../seats";
import { parseCsv } from "./csv";

export type ImportRowVerdict =
  | { line: number; email: string; outcome: "import"; invitation: NewInvitation & { name: string | null } }
  | { line: number; email: string; outcome: "skip"; reason: string }
  | { line: number; email: string; outcome: "error"; reason: string };

/** Rows of a parsed file, with their line numbers (the header is line 1). */
export function importRows(csv: string): Array<{ line: number; cells: string[] }> {
  if (csv.length > MAX_IMPORT_BYTES) {
    throw new DomainError(
      "INVALID_INPUT",
      `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; split it into smaller files.`,
    );
  }
  const records = parseCsv(csv);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  if (IMPORT_COLUMNS.some((column, i) => header[i] !== column)) {
    throw new DomainError("INVALID_INPUT", `The first line must be the header "${IMPORT_HEADER}".`);
  }
  const rows = records
    .slice(1)
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter((row) => row.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) throw new DomainError("INVALID_INPUT", "The file has no users after its header line.");
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError(
      "INVALID_INPUT",
      `The file has ${rows.length} users; import at most ${MAX_IMPORT_ROWS} at once.`,
    );
  }
  return rows;
}

/**
 * Decides every row before anything is written: import it, skip it (already in the team or
 * invited: importing a file twice creates nothing twice) or refuse it with the reason.
 */
export async function checkImport(
  db: Queryable,
  team: InvitingTeam,
  csv: string,
  now: Date,
): Promise<ImportRowVerdict[]> {
  const rows = importRows(csv);
  const fileMaker = team.product === "filemaker_cloud";
  const groupIds = new Map(
    (await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.teamId, team.id))).map((g) => [
      g.name.toLowerCase(),
      g.id,
    ]),
  );
  const emails = rows.map((r) => (r.cells[0] ?? "").trim()).filter(isEmailAddress);
  const existing = await existingInvitees(db, team.id, emails, now);
  const [subscription] = await db
    .select({ seats: subscriptions.seats })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, team.id));
  let freeSeats = fileMaker ? Math.max((subscription?.seats ?? 0) - (await seatsInUse(db, team.id, now)), 0) : 0;
  const seen = new Map<string, number>();

  return rows.map(({ line, cells }): ImportRowVerdict => {
    const [rawEmail = "", rawName = "", rawRole = "", rawLicensed = "", rawGroups = ""] = cells;
    const email = rawEmail.trim();
    const error = (reason: string) => ({ line, email, outcome: "error", reason }) as const;
    if (!isEmailAddress(email)) return error(email ? `"${email}" is not an email address` : "the email is missing");
    const key = email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return error(`duplicate of line ${first}`);
    seen.set(key, line);
    const role = parseRole(rawRole);
    if (!role) return error(`role "${rawRole.trim()}" is not member or manager`);
    const licensed = parseLicensed(rawLicensed);
    if (licensed === null) return error(`licensed "${rawLicensed.trim()}" is not yes or no`);
    const groupNames = rawGroups
      .split(";")
      .map((g) => g.trim())
      .filter(Boolean);
    if (!fileMaker && licensed) return error(`${productName(team.product)} teams have no per-user licences`);
    if (!fileMaker && groupNames.length > 0) return error(`${productName(team.product)} teams have no groups`);
    const unknown = groupNames.filter((g) => !groupIds.has(g.toLowerCase()));
    if (unknown.length > 0) return error(`unknown group ${unknown.map((g) => `"${g}"`).join(", ")}`);
    const refusal = domainRefusal(team, email);
    if (refusal) return error(refusal);
    const already = existing.get(key);
    if (already)
      return { line, email, outcome: "skip", reason: already === "member" ? "already in the team" : "already invited" };
    if (licensed) {
      if (freeSeats === 0) return error("over the licence limit: no seat is free for this row");
      freeSeats -= 1;
    }
    const name = rawName.trim() || null;
    return {
      line,
      email,
      outcome: "import",
      invitation: {
        email,
        name,
        role,
        licensed,
        groupIds: [...new Set(groupNames.map((g) => groupIds.get(g.toLowerCase())!))],
      },
    };
  });
}

/** Counts and the rows worth showing (errors and skips), for the report before importing. */
export function summariseImport(verdicts: readonly ImportRowVerdict[]) {
  return {
    rows: verdicts.length,
    toImport: verdicts.filter((v) => v.outcome === "import").length,
    skipped: verdicts.filter((v) => v.outcome === "skip").length,
    errors: verdicts.filter((v) => v.outcome === "error").length,
    problems: verdicts
      .filter((v): v is Exclude<ImportRowVerdict, { outcome: "import" }> => v.outcome !== "import")
      .map(({ line, email, outcome, reason }) => ({ line, email, outcome, reason })),
  };
}
