"use server";

import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { formatDateTime } from "@/app/_lib/format";
import type { IntegrityReport } from "@/server/audit/anchor-verify";
import { serverApi } from "@/server/caller";

export interface IntegrityVerdict {
  intact: boolean;
  message: string;
}

/**
 * Verify integrity: a manager signs the current head and checks the log; a support session,
 * being read-only, only checks it, as does anyone in a terminated team, where nothing changes
 * (the hourly job still signs its final events).
 */
export async function verifyIntegrityAction(teamId: string): Promise<ActionResult<IntegrityVerdict>> {
  return actionResult(async () => {
    const api = await serverApi();
    const { permissions, team } = await api.teams.access({ teamId });
    const mayAnchor = permissions.includes("audit.verify") && team.status !== "terminated";
    const report = mayAnchor ? await api.audit.verify({ teamId }) : await api.audit.integrity({ teamId });
    return { intact: report.intact, message: describeReport(report) };
  });
}

function describeReport(report: IntegrityReport): string {
  if (!report.intact) return `Broken at event ${report.brokenAt}. ${report.problem}`;
  if (report.events === 0) return "The log has no events yet.";
  if (!report.anchor) return `Intact up to event ${report.events}; no head is signed yet.`;
  const signedAt = formatDateTime(report.anchor.signedAt);
  return report.anchor.seq === report.events
    ? `Intact up to event ${report.events}, signed at ${signedAt}.`
    : `Intact up to event ${report.events}; event ${report.anchor.seq} was signed at ${signedAt}.`;
}
