import type { Queryable } from "@/db/client";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { noticeDate, sendNotice } from "./notices";
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
    const endsAt = noticeDate(subscription.currentPeriodEnd);
    await sendNotice(tx, {
      teamId: team.id,
      kind: "changed",
      reference: `cancelled:${updated.version}`,
      now,
      subject: `${team.name}: your subscription ends on ${endsAt}`,
      text: [
        `You cancelled the subscription of ${team.name}. It stays active until ${endsAt} and is not renewed.`,
        `You can reactivate it on the Subscription page at any time before then.`,
        `After it ends, hosts stop and the team's custom apps and data can be downloaded for ${RETENTION_DAYS} days; then they are deleted.`,
      ].join("\n"),
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
    const renewsAt = noticeDate(subscription.currentPeriodEnd);
    await sendNotice(tx, {
      teamId: team.id,
      kind: "changed",
      reference: `reactivated:${updated.version}`,
      now,
      subject: `${team.name}: your subscription is active again`,
      text: `You reactivated the subscription of ${team.name}. It renews on ${renewsAt}.`,
    });
    return { version: updated.version, renewsAt: subscription.currentPeriodEnd };
  });
}
