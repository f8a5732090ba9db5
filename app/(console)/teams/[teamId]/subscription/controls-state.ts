"use client";

import { type FormEvent, startTransition } from "react";
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

export const panelClass = "space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800";

/** A form action that, once done, hands its notice to the controls (which close the panel). */
export function useFinishingAction<Value>(action: Action<Value>, onDone: (notice: string | null) => void) {
  return useFormAction<Value>(async (previous, form) => {
    const next = await action(previous, form);
    if (next.status === "done") onDone(next.notice);
    return next;
  });
}

/**
 * Submits a form to its action without React's reset afterwards, so what the owner typed stays
 * in the fields beside the preview or the refusal.
 */
export function submitKeepingFields(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
}

/** A random key for requests that have no preview to carry one (works without a secure context). */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
