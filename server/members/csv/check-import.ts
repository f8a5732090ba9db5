import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups, subscriptions } from "@/db/schema";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import {
  IMPORT_COLUMNS,
  IMPORT_HEADER,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseLicensed,
  parseRole,
} from "@/lib/member-import-format";
import { DomainError } from "../../errors";
import { refusalIn } from "../../i18n/refusal-format";
import { translatorFor } from "../../i18n/translator";
import type { NewInvitation } from "../../invitations/create-invitations";
import { domainRefusal, existingInvitees, type InvitingTeam, isEmailAddress } from "../../invitations/invitee-checks";
import { productName } from "../../permissions";
import { seatsInUse } from "../seats";
import { parseCsv } from "./csv";

export type ImportRowVerdict =
  | { line: number; email: string; outcome: "import"; invitation: NewInvitation & { name: string | null } }
  | { line: number; email: string; outcome: "skip"; reason: string }
  | { line: number; email: string; outcome: "error"; reason: string };

/** Each column's names in every language, so a file exported in Dutch imports as well as one in English. */
const COLUMN_NAMES = new Map(
  IMPORT_COLUMNS.map((column) => [
    column,
    new Set([column, ...LOCALES.map((locale) => translatorFor(locale, "csv")(`columns.${column}`))]),
  ]),
);

/** Where each import column is in the file, by its header: other columns (from an export) are ignored. */
function columnPositions(header: readonly string[]): Partial<Record<(typeof IMPORT_COLUMNS)[number], number>> {
  const names = header.map((h) => h.trim().toLowerCase());
  return Object.fromEntries(
    IMPORT_COLUMNS.flatMap((column) => {
      const at = names.findIndex((name) => COLUMN_NAMES.get(column)!.has(name));
      return at === -1 ? [] : [[column, at]];
    }),
  );
}

/** Rows of a parsed file, with their line numbers (the header is line 1). */
export function importRows(csv: string): Array<{ line: number; cells: string[] }> {
  if (csv.length > MAX_IMPORT_BYTES) {
    throw new DomainError("INVALID_INPUT", "importFileTooLarge", { megabytes: MAX_IMPORT_BYTES / 1_000_000 });
  }
  const records = parseCsv(csv);
  const positions = columnPositions(records[0] ?? []);
  if (positions.email === undefined) {
    throw new DomainError("INVALID_INPUT", "theFirstLineMustBeThe", { IMPORT_HEADER });
  }
  const rows = records
    .slice(1)
    .map((record, i) => ({
      line: i + 2,
      cells: IMPORT_COLUMNS.map((column) => record[positions[column] ?? -1] ?? ""),
    }))
    .filter((row) => row.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) throw new DomainError("INVALID_INPUT", "theFileHasNoUsersAfter");
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError("INVALID_INPUT", "importTooManyRows", { rows: rows.length, max: MAX_IMPORT_ROWS });
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
  locale: Locale,
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

  const t = translatorFor(locale, "csv");
  return rows.map(({ line, cells }): ImportRowVerdict => {
    const [rawEmail = "", rawName = "", rawRole = "", rawLicensed = "", rawGroups = ""] = cells;
    const email = rawEmail.trim();
    const error = (reason: string) => ({ line, email, outcome: "error", reason }) as const;
    if (!isEmailAddress(email)) return error(email ? t("rows.notAnEmail", { email }) : t("rows.emailMissing"));
    const key = email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return error(t("rows.duplicate", { line: first }));
    seen.set(key, line);
    const role = parseRole(rawRole);
    if (!role) return error(t("rows.unknownRole", { role: rawRole.trim() }));
    const licensed = parseLicensed(rawLicensed);
    if (licensed === null) return error(t("rows.unknownLicensed", { licensed: rawLicensed.trim() }));
    const groupNames = rawGroups
      .split(";")
      .map((g) => g.trim())
      .filter(Boolean);
    const product = { productName: productName(team.product) };
    if (!fileMaker && licensed) return error(t("rows.noLicences", product));
    if (!fileMaker && groupNames.length > 0) return error(t("rows.noGroups", product));
    const unknown = groupNames.filter((g) => !groupIds.has(g.toLowerCase()));
    if (unknown.length > 0) return error(t("rows.unknownGroups", { groups: unknown.map((g) => `"${g}"`).join(", ") }));
    const refusal = domainRefusal(team, email);
    if (refusal) return error(refusalIn(refusal, locale));
    const already = existing.get(key);
    if (already) {
      const reason = already === "member" ? t("rows.alreadyMember") : t("rows.alreadyInvited");
      return { line, email, outcome: "skip", reason };
    }
    if (licensed) {
      if (freeSeats === 0) return error(t("rows.noFreeSeat"));
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
