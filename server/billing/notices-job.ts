import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { billingNotices, subscriptions, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import { type NoticeKind, sendNotice } from "./notices";
import { daysLeft, periodDays } from "./periods";
import { purgeDateOf, RETENTION_DAYS, retentionDaysLeft } from "./subscription-record";

/** Reminders go out this many days before a renewal or an end. */
export const REMINDER_DAYS = [30, 7, 1] as const;
/** The warning before the purge goes out this many days before it. */
export const PURGE_WARNING_DAYS = 7;

/** The most urgent reminder due `left` days before the date: 1, 7 or 30; null if none yet. */
export function reminderDue(left: number): 30 | 7 | 1 | null {
  if (left <= 0) return null;
  return left <= 1 ? 1 : left <= 7 ? 7 : left <= 30 ? 30 : null;
}

/**
 * Mails the owners what is coming: 30, 7 and 1 days before a renewal or an end (cancelled,
 * trial without a payment method, unpaid), and a week before the purge. Only the most
 * urgent reminder due is sent (a server that was down does not send three at once), and each
 * notice once: sendNotice records it under a unique key in the same transaction as the mail.
 */
export async function runNoticeJob(db: Database, clock: Clock): Promise<{ sent: number }> {
  const now = clock.now();
  let sent = 0;

  const upcoming = await db
    .select({ subscription: subscriptions, teamName: teams.name })
    .from(subscriptions)
    .innerJoin(teams, eq(teams.id, subscriptions.teamId))
    .where(
      and(
        inArray(subscriptions.status, ["active", "past_due", "trialing"]),
        gt(subscriptions.currentPeriodEnd, now),
        lte(subscriptions.currentPeriodEnd, new Date(now.getTime() + 30 * DAY_MS)),
      ),
    );
  // Skip what was sent already without writing anything: most runs find nothing new.
  const sentBefore = new Set(
    upcoming.length === 0
      ? []
      : (
          await db
            .select({ teamId: billingNotices.teamId, kind: billingNotices.kind, reference: billingNotices.reference })
            .from(billingNotices)
            .where(
              and(
                inArray(
                  billingNotices.teamId,
                  upcoming.map((u) => u.subscription.teamId),
                ),
                inArray(billingNotices.reference, [
                  ...new Set(upcoming.map((u) => u.subscription.currentPeriodEnd.toISOString())),
                ]),
              ),
            )
        ).map((n) => `${n.teamId}|${n.kind}|${n.reference}`),
  );
  for (const { subscription: row, teamName } of upcoming) {
    const left = daysLeft(now, row.currentPeriodEnd);
    const due = reminderDue(left);
    if (!due) continue;
    const ending =
      row.cancelAtPeriodEnd || row.status === "past_due" || (row.status === "trialing" && !row.paymentMethodId);
    // A monthly contract would get its "30 days before" reminder the day after it renewed.
    if (!ending && periodDays(row.currentPeriodStart, row.currentPeriodEnd) <= 2 * due) continue;
    const kind: NoticeKind = `${ending ? "expiry" : "renewal"}_${due}`;
    if (sentBefore.has(`${row.teamId}|${kind}|${row.currentPeriodEnd.toISOString()}`)) continue;
    const endingWhy = row.status === "trialing" ? "trial" : row.cancelAtPeriodEnd ? "cancelled" : "overdue";
    const wasSent = await db.transaction(async (tx) => {
      const noticed = await sendNotice(tx, {
        teamId: row.teamId,
        kind,
        reference: row.currentPeriodEnd.toISOString(),
        now,
        write: (t) => {
          if (!ending) {
            const values = { team: teamName, renewsOn: row.currentPeriodEnd, left };
            return { subject: t("billing.renewsSoon.subject", values), text: t("billing.renewsSoon.text", values) };
          }
          const values = { team: teamName, endsOn: row.currentPeriodEnd, left };
          return { subject: t("billing.endsSoon.subject", values), text: t(`billing.endsSoon.${endingWhy}`, values) };
        },
      });
      // The trial's end is news for the console too: its event, like the notice, is written once.
      if (noticed && endingWhy === "trial" && ending) {
        await recordAudit(tx, {
          teamId: row.teamId,
          actor: systemActor("Billing notices"),
          occurredAt: now,
          request: noRequest,
          action: "subscription.trial_ending",
          target: { type: "subscription", id: row.id },
          after: { trialEndsAt: row.currentPeriodEnd, daysLeft: left },
        });
      }
      return noticed;
    });
    if (wasSent) sent += 1;
  }

  // A week before the purge: teams terminated 38 or more days ago, not yet purged.
  const warnFrom = new Date(now.getTime() - (RETENTION_DAYS - PURGE_WARNING_DAYS) * DAY_MS);
  const doomed = await db
    .select({ id: teams.id, name: teams.name, terminatedAt: teams.terminatedAt })
    .from(teams)
    .where(and(eq(teams.status, "terminated"), lte(teams.terminatedAt, warnFrom)));
  const warned = new Set(
    doomed.length === 0
      ? []
      : (
          await db
            .select({ teamId: billingNotices.teamId, reference: billingNotices.reference })
            .from(billingNotices)
            .where(
              and(
                eq(billingNotices.kind, "purge_warning"),
                inArray(
                  billingNotices.teamId,
                  doomed.map((t) => t.id),
                ),
              ),
            )
        ).map((n) => `${n.teamId}|${n.reference}`),
  );
  for (const team of doomed) {
    if (!team.terminatedAt || warned.has(`${team.id}|${team.terminatedAt.toISOString()}`)) continue;
    const left = retentionDaysLeft(team.terminatedAt, now);
    if (left <= 0) continue;
    const wasSent = await db.transaction((tx) =>
      sendNotice(tx, {
        teamId: team.id,
        kind: "purge_warning",
        reference: team.terminatedAt!.toISOString(),
        now,
        write: (t) => {
          const values = {
            team: team.name,
            daysAgo: RETENTION_DAYS - left,
            purgeOn: purgeDateOf(team.terminatedAt!),
            left,
          };
          return { subject: t("billing.purgeWarning.subject", values), text: t("billing.purgeWarning.text", values) };
        },
      }),
    );
    if (wasSent) sent += 1;
  }
  return { sent };
}
