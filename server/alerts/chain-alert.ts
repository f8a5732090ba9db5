import type { Queryable } from "@/db/client";
import type { IntegrityReport } from "../audit/anchor-verify";
import { raiseAlert } from "./raise-alert";

/** Where a verification that failed was run: the Audit log's Verify integrity button, or `npm run audit:verify`. */
export type VerificationSource = "console" | "command";

/**
 * A broken chain is a critical alert of the team (its owner and the operator hear of it), raised
 * in a transaction of its own: never an audit event, which would be appended to the very chain
 * that failed. Repeated checks of the same broken chain within a day only count.
 */
export async function alertIfChainBroken(
  db: Queryable,
  teamId: string,
  report: IntegrityReport,
  source: VerificationSource,
  now: Date,
): Promise<void> {
  if (report.intact) return;
  await db.transaction((tx) =>
    raiseAlert(
      tx,
      {
        rule: "audit_chain_broken",
        teamId,
        subject: "audit-chain",
        details: { brokenAt: report.brokenAt, events: report.events, problem: report.problem, source },
      },
      now,
    ),
  );
}
