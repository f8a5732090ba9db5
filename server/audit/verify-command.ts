import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import { alertIfChainBroken } from "../alerts/chain-alert";
import { type Clock, systemClock } from "../clock";
import type { SigningKeyRing } from "./anchor-keys";
import { checkAuditIntegrity } from "./anchor-verify";

export const AUDIT_VERIFY_USAGE =
  "Usage: npm run audit:verify -- --team <team id>\nThe team id is the UUID in the console's address: /teams/<team id>/…";

export interface CommandOutcome {
  /** 0 intact, 1 broken, 2 usage error or unknown team. */
  status: 0 | 1 | 2;
  message: string;
}

/** `npm run audit:verify -- --team <id>`: the chain and its signed heads, and where they break (a security alert). */
export async function auditVerifyCommand(
  db: Queryable,
  args: string[],
  ring?: SigningKeyRing,
  clock: Clock = systemClock,
): Promise<CommandOutcome> {
  const teamFlag = args.indexOf("--team");
  const teamId = teamFlag >= 0 ? args[teamFlag + 1] : undefined;
  if (!teamId || !z.uuid().safeParse(teamId).success) return { status: 2, message: AUDIT_VERIFY_USAGE };
  const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return { status: 2, message: `No team ${teamId} in this database.` };

  const report = await checkAuditIntegrity(db, teamId, ring);
  const checked = `${plural(report.events, "event")} and ${plural(report.anchors, "signed head")} checked`;
  if (!report.intact) {
    await alertIfChainBroken(db, teamId, report, "command", clock.now());
    return {
      status: 1,
      message: `${team.name}: the audit log is broken at event ${report.brokenAt}. ${report.problem} (${checked})`,
    };
  }
  if (!report.anchor)
    return {
      status: 0,
      message: `${team.name}: intact up to event ${report.events}; no head is signed yet (${checked}).`,
    };
  const signed = `event ${report.anchor.seq} signed at ${report.anchor.signedAt.toISOString()}`;
  return { status: 0, message: `${team.name}: intact up to event ${report.events}, ${signed} (${checked}).` };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
