import type { Transaction } from "@/db/client";
import { teamOwner } from "../../teams/team-owner";
import type { DispatchedEvent, EventRule, NotificationDraft } from "../event-rule";
import type { NotificationKind } from "../notification-kinds";
import { teamNameOf, timeIn } from "./drafts";

/** The owner alone changes the subscription, so billing news goes to the owner. */
async function toOwner(
  tx: Transaction,
  event: DispatchedEvent,
  kind: NotificationKind,
  params: Record<string, string | number>,
): Promise<NotificationDraft[]> {
  if (!event.teamId) return [];
  const owner = await teamOwner(tx, event.teamId);
  if (!owner) return [];
  return [
    {
      accountId: owner.accountId,
      kind,
      teamId: event.teamId,
      params: { team: await teamNameOf(tx, event.teamId), ...params },
      link: `/teams/${event.teamId}/subscription`,
    },
  ];
}

export const billingRules: EventRule[] = [
  {
    action: "subscription.renewed",
    notify: (tx, event) =>
      toOwner(tx, event, "subscription_renewed", {
        periodEnd: timeIn(event.after, "periodEnd") ?? event.occurredAt.getTime(),
      }),
  },
  {
    action: "subscription.past_due",
    notify: (tx, event) => toOwner(tx, event, "payment_failed", {}),
  },
  {
    action: "subscription.trial_ending",
    notify: (tx, event) =>
      toOwner(tx, event, "trial_ending", {
        endsOn: timeIn(event.after, "trialEndsAt") ?? event.occurredAt.getTime(),
      }),
  },
];
