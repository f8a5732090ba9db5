"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { formatDateTime } from "@/lib/format";
import type { IntegrityReport } from "@/server/audit/anchor-verify";
import { teamInput } from "@/server/trpc";

/**
 * Verify integrity: a manager signs the current head and checks the log; a support session,
 * being read-only, only checks it, as does anyone in a terminated team, where nothing changes
 * (the hourly job still signs its final events). The report is the notice; a broken log is no
 * refusal, so `intact` says how to show it.
 */
export const verifyIntegrityAction = formAction(teamInput, async ({ teamId }, api) => {
  const { permissions, team } = await api.teams.access({ teamId });
  const mayAnchor = permissions.includes("audit.verify") && team.status !== "terminated";
  const report = mayAnchor ? await api.audit.verify({ teamId }) : await api.audit.integrity({ teamId });
  return done(await describeReport(report), { intact: report.intact });
});

async function describeReport(report: IntegrityReport): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("audit.integrity"), getLocale()]);
  if (!report.intact) return t("broken", { event: String(report.brokenAt), problem: report.problem });
  if (report.events === 0) return t("empty");
  if (!report.anchor) return t("unsigned", { events: String(report.events) });
  // Event numbers are positions in the chain, shown as the export shows them: no grouping.
  const events = String(report.events);
  const signedAt = formatDateTime(report.anchor.signedAt, locale);
  return report.anchor.seq === report.events
    ? t("signed", { events, signedAt })
    : t("signedEarlier", { events, seq: String(report.anchor.seq), signedAt });
}
