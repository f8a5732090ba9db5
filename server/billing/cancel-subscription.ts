import type { Queryable } from "@/db/client";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { sendNotice } from "./notices";
import {
  lockSubscription,
  RETENTION_DAYS,
  requireRunning,
  requireVersion,
  saveSubscriptionChange,
} from "./subscription-record";

/**
 * Self-serve cancellation: the subscription runs to the end of the period and is not
 * renewed. Asking twice is harmless (the second answer is the first's).
 */
export async function cancelSubscription(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; expectedVersion: number; reason?: string },
): Promise<{ version: number; endsAt: Date }> {
  return db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { subscription, team } = await lockSubscription(tx, input.teamId);
    requireRunning(subscription, team);
    if (subscription.cancelAtPeriodEnd) return { version: subscription.version, endsAt: subscription.currentPeriodEnd };
    requireVersion(subscription, input.expectedVersion);
    const reason = input.reason?.trim() || null;
    const updated = await saveSubscriptionChange(
      tx,
      subscription,
      input.expectedVersion,
      { cancelAtPeriodEnd: true, cancelReason: reason, cancelRequestedAt: now },
      now,
    );
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: team.id,
      action: "subscription.cancelled",
      target: { type: "subscription", id: subscription.id },
      before: { cancelAtPeriodEnd: false },
      after: { cancelAtPeriodEnd: true, endsAt: subscription.currentPeriodEnd, reason },
    });
    await sendNotice(tx, {
      teamId: team.id,
      kind: "changed",
      reference: `cancelled:${updated.version}`,
      now,
      write: (t) => {
        const values = { team: team.name, endsOn: subscription.currentPeriodEnd, retentionDays: RETENTION_DAYS };
        return { subject: t("billing.cancelled.subject", values), text: t("billing.cancelled.text", values) };
      },
    });
    return { version: updated.version, endsAt: subscription.currentPeriodEnd };
  });
}

/** Takes a cancellation back before the period ends: the subscription renews again. */
export async function reactivateSubscription(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; expectedVersion: number },
): Promise<{ version: number; renewsAt: Date }> {
  return db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { subscription, team } = await lockSubscription(tx, input.teamId);
    if (team.status === "terminated") {
      throw new DomainError("SUBSCRIPTION_STATE", "theSubscriptionHasAlreadyEndedRenew");
    }
    requireRunning(subscription, team);
    if (!subscription.cancelAtPeriodEnd)
      return { version: subscription.version, renewsAt: subscription.currentPeriodEnd };
    requireVersion(subscription, input.expectedVersion);
    const updated = await saveSubscriptionChange(
      tx,
      subscription,
      input.expectedVersion,
      { cancelAtPeriodEnd: false, cancelReason: null, cancelRequestedAt: null },
      now,
    );
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: team.id,
      action: "subscription.reactivated",
      target: { type: "subscription", id: subscription.id },
      before: { cancelAtPeriodEnd: true },
      after: { cancelAtPeriodEnd: false, renewsAt: subscription.currentPeriodEnd },
    });
    await sendNotice(tx, {
      teamId: team.id,
      kind: "changed",
      reference: `reactivated:${updated.version}`,
      now,
      write: (t) => {
        const values = { team: team.name, renewsOn: subscription.currentPeriodEnd };
        return { subject: t("billing.reactivated.subject", values), text: t("billing.reactivated.text", values) };
      },
    });
    return { version: updated.version, renewsAt: subscription.currentPeriodEnd };
  });
}
