import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { securityAlerts } from "@/db/schema";
import { logger } from "../logger";
import type { AlertRecord } from "./alert-payload";
import { ALERT_RULES, type AlertRule } from "./alert-rules";
import { queueOperatorAlert } from "./operator-outbox";
import { tellTeamOwner } from "./owner-alert";

export interface AlertInput {
  rule: AlertRule;
  /** null: the platform's own chain; only the operator hears of it. */
  teamId: string | null;
  subject: string;
  details: AlertRecord["details"];
  eventId?: string;
}

/**
 * Raises an alert in the caller's transaction: the first of its rule, team and subject within
 * the rule's window is stored, told to the team's owner and queued for the operator; a repeat
 * inside the window only counts. An advisory lock on (rule, team, subject) makes servers raising
 * the same alert at once take turns, so one of them raises it and the other counts.
 */
export async function raiseAlert(
  tx: Transaction,
  input: AlertInput,
  now: Date,
): Promise<{ alertId: string; raised: boolean }> {
  const rule = ALERT_RULES[input.rule];
  const { severity, windowMs } = rule;
  const scope = `alert:${input.rule}:${input.teamId ?? "platform"}:${input.subject}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${scope}, 0))`);
  const [open] = await tx
    .select({ id: securityAlerts.id })
    .from(securityAlerts)
    .where(
      and(
        eq(securityAlerts.rule, input.rule),
        eq(securityAlerts.subject, input.subject),
        input.teamId ? eq(securityAlerts.teamId, input.teamId) : isNull(securityAlerts.teamId),
        gt(securityAlerts.windowEndsAt, now),
      ),
    )
    .orderBy(desc(securityAlerts.windowEndsAt))
    .limit(1);
  if (open) {
    await tx
      .update(securityAlerts)
      .set({ occurrences: sql`${securityAlerts.occurrences} + 1`, lastSeenAt: now })
      .where(eq(securityAlerts.id, open.id));
    return { alertId: open.id, raised: false };
  }
  const [row] = await tx
    .insert(securityAlerts)
    .values({
      rule: input.rule,
      severity,
      teamId: input.teamId,
      subject: input.subject,
      details: input.details,
      eventId: input.eventId ?? null,
      raisedAt: now,
      lastSeenAt: now,
      windowEndsAt: new Date(now.getTime() + windowMs),
    })
    .returning();
  const alert: AlertRecord = { ...row!, rule: input.rule };
  if (alert.teamId && !("ownerToldByItsChange" in rule))
    await tellTeamOwner(tx, { ...alert, teamId: alert.teamId }, now);
  await queueOperatorAlert(tx, alert, now);
  logger.warn({ alertId: alert.id, rule: alert.rule, severity, teamId: alert.teamId }, "security alert raised");
  return { alertId: alert.id, raised: true };
}
