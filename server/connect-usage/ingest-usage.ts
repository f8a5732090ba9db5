import { z } from "zod";
import type { Database } from "@/db/client";
import { isoDay } from "../billing/periods";
import { recordConnectUsage } from "../billing/usage";
import type { Clock } from "../clock";
import { applyUsageLimits, flowsSuspendedSince } from "./usage-limits";
import { connectLimits, requestsThisMonth } from "./usage-period";

/** How far back a report may correct figures: the 12 months the usage chart shows, and a little more. */
const OLDEST_REPORTED_DAYS = 400;

export const usageReportSchema = z
  .object({
    usage: z
      .array(
        z
          .object({
            day: z.iso.date("day must be a date written YYYY-MM-DD."),
            activeFlows: z.number().int("activeFlows must be a whole number.").min(0).max(1_000_000),
            requests: z.number().int("requests must be a whole number.").min(0).max(1_000_000_000),
          })
          .strict(),
      )
      .min(1, "usage must list at least one day.")
      .max(62, "usage may list at most 62 days; send older days in another report."),
  })
  .strict();

export type UsageReport = z.infer<typeof usageReportSchema>;

export class UsageReportRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "UsageReportRefused";
  }
}

/**
 * Takes the platform's daily figures for a team. A report for a day replaces the one before it,
 * so sending the same report twice changes nothing; then this month's alerts are raised.
 */
export async function ingestConnectUsage(db: Database, clock: Clock, teamId: string, report: UsageReport) {
  const now = clock.now();
  const today = isoDay(now);
  const oldest = isoDay(new Date(now.getTime() - OLDEST_REPORTED_DAYS * 86_400_000));
  const days = new Set<string>();
  for (const [index, entry] of report.usage.entries()) {
    if (entry.day > today) throw new UsageReportRefused(`usage.${index}.day`, `${entry.day} is in the future.`);
    if (entry.day < oldest) {
      throw new UsageReportRefused(`usage.${index}.day`, `${entry.day} is more than ${OLDEST_REPORTED_DAYS} days ago.`);
    }
    if (days.has(entry.day)) throw new UsageReportRefused(`usage.${index}.day`, `${entry.day} is listed twice.`);
    days.add(entry.day);
  }
  return db.transaction(async (tx) => {
    for (const entry of report.usage) await recordConnectUsage(tx, { teamId, ...entry });
    await applyUsageLimits(tx, clock, teamId);
    const limits = await connectLimits(tx, teamId);
    return {
      accepted: report.usage.length,
      requestsThisMonth: await requestsThisMonth(tx, teamId, now),
      requestLimit: limits?.monthlyRequests ?? null,
      flowsSuspended: (await flowsSuspendedSince(tx, teamId, now)) !== null,
    };
  });
}
