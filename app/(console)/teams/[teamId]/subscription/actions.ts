"use server";

import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import type { SubscriptionChange } from "@/server/billing/change-subscription";
import { serverApi } from "@/server/caller";

/**
 * The Subscription page's server actions: each calls the same tRPC procedure the API offers,
 * so the owner-only check, the card-number check and idempotency hold here too.
 */

export async function previewChangeAction(teamId: string, change: SubscriptionChange) {
  return actionResult(async () => (await serverApi()).subscription.previewChange({ teamId, change }));
}

export async function confirmChangeAction(
  teamId: string,
  input: { change: SubscriptionChange; idempotencyKey: string; expectedVersion: number; expectedTotalCents: number },
) {
  return actionResult(async () => (await serverApi()).subscription.confirmChange({ teamId, ...input }));
}

export async function cancelAction(teamId: string, input: { expectedVersion: number; reason?: string }) {
  return actionResult(async () => (await serverApi()).subscription.cancel({ teamId, ...input }));
}

export async function reactivateAction(teamId: string, input: { expectedVersion: number }) {
  return actionResult(async () => (await serverApi()).subscription.reactivate({ teamId, ...input }));
}

export async function previewRenewalAction(teamId: string) {
  return actionResult(async () => (await serverApi()).subscription.previewRenewal({ teamId }));
}

export async function renewAction(
  teamId: string,
  input: { idempotencyKey: string; expectedVersion: number; expectedTotalCents: number },
) {
  return actionResult(async () => (await serverApi()).subscription.renew({ teamId, ...input }));
}

export async function addPaymentMethodAction(
  teamId: string,
  input: { provider: string; idempotencyKey: string; expectedVersion: number },
): Promise<ActionResult<{ converted: boolean; invoice: { number: string; totalCents: number } | null }>> {
  return actionResult(async () => {
    const result = await (await serverApi()).subscription.addPaymentMethod({ teamId, ...input });
    return { converted: result.converted, invoice: result.invoice };
  });
}
