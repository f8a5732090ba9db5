"use client";

import { useFormAction } from "@/app/_components/form-status";
import type { FormState } from "@/app/_lib/form-state";
import type { SubscriptionChange } from "@/server/billing/change-subscription";
import type { Quote } from "@/server/billing/proration";

/** What the owner's controls need to know about the subscription. */
export interface ControlsState {
  teamId: string;
  version: number;
  currency: string;
  product: "filemaker_cloud" | "claris_connect";
  planCode: string;
  billingPeriod: "monthly" | "annual";
  seats: number;
  extraStorageGb: number;
  extraDataTransferGb: number;
  extraRequests: number;
  cancelAtPeriodEnd: boolean;
  /** The team is terminated: only renewing is possible. */
  ended: boolean;
  trial: boolean;
  hasPaymentMethod: boolean;
  periodEnd: Date;
}

/** A priced change or renewal, and what confirming it sends. */
export interface Previewed {
  idempotencyKey: string;
  version: number;
  quote: Quote;
  /** The change to confirm, or null for a renewal. */
  change: SubscriptionChange | null;
}

type Action<Value> = (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>>;

/** What every panel of the controls is given: the subscription, and what to do when it is done or closed. */
export interface PanelProps {
  state: ControlsState;
  onDone: (notice: string | null) => void;
  onClose: () => void;
}

/** A form action that, once done, hands its notice to the controls (which close the panel). */
export function useFinishingAction<Value>(action: Action<Value>, onDone: (notice: string | null) => void) {
  return useFormAction<Value>(async (previous, form) => {
    const next = await action(previous, form);
    if (next.status === "done") onDone(next.notice);
    return next;
  });
}

/** A random key for requests that have no preview to carry one (works without a secure context). */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
