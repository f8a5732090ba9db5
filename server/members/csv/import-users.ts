import type { Queryable } from "@/db/client";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { actorLocale } from "../../i18n/reader-locale";
import { createInvitations } from "../../invitations/create-invitations";
import { existingInvitees, invitingTeam, retireExpiredInvitations } from "../../invitations/invitee-checks";
import { claimSeats } from "../seats";
import { checkImport, summariseImport } from "./check-import";

export const IMPORT_BATCH_SIZE = 500;

export type ImportProgress =
  | { kind: "checked"; rows: number; toImport: number; skipped: number; errors: number }
  | { kind: "progress"; done: number; total: number; invited: number }
  | { kind: "finished"; invited: number; skipped: number; errors: number };

/**
 * Invites the valid rows of a CSV file in batches of 500, one transaction each, reporting
 * progress after every batch. Each batch checks again who is already in the team or
 * invited, so running the same file twice, or twice at once, invites nobody twice.
 */
export async function* importUsers(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; csv: string },
): AsyncGenerator<ImportProgress> {
  const team = await invitingTeam(db, input.teamId);
  const verdicts = await checkImport(db, team, input.csv, ctx.clock.now(), await actorLocale(db, ctx));
  const summary = summariseImport(verdicts);
  yield {
    kind: "checked",
    rows: summary.rows,
    toImport: summary.toImport,
    skipped: summary.skipped,
    errors: summary.errors,
  };
  const rows = verdicts.flatMap((v) => (v.outcome === "import" ? [v.invitation] : []));
  let invited = 0;
  let skipped = summary.skipped;
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
    const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
    const created = await db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const existing = await existingInvitees(
        tx,
        team.id,
        batch.map((row) => row.email),
        now,
      );
      const fresh = batch.filter((row) => !existing.has(row.email.toLowerCase()));
      const licensed = fresh.filter((row) => row.licensed).length;
      if (licensed > 0) await claimSeats(tx, team.id, licensed, now);
      await retireExpiredInvitations(
        tx,
        team.id,
        fresh.map((row) => row.email),
        now,
      );
      const made = await createInvitations(tx, ctx, team, fresh);
      if (made.length > 0) {
        await recordAudit(tx, {
          ...auditContext(ctx),
          teamId: team.id,
          action: "invitation.imported",
          target: { type: "team", id: team.id },
          after: {
            invitations: made.map((m) => ({
              id: m.id,
              email: m.email,
              role: m.role,
              licensed: m.licensed,
              groupIds: m.groupIds,
            })),
          },
        });
      }
      return made.length;
    });
    invited += created;
    skipped += batch.length - created;
    yield { kind: "progress", done: Math.min(start + IMPORT_BATCH_SIZE, rows.length), total: rows.length, invited };
  }
  yield { kind: "finished", invited, skipped, errors: summary.errors };
}
