"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import type { SubscriptionChange } from "@/server/billing/change-subscription";
import { formatCents } from "@/server/billing/money";
import type { Plan } from "@/server/billing/plan-catalog";
import type { Quote } from "@/server/billing/proration";
import {
  addPaymentMethodAction,
  cancelAction,
  confirmChangeAction,
  previewChangeAction,
  previewRenewalAction,
  reactivateAction,
  renewAction,
} from "./actions";

export interface ControlsState {
  teamId: string;
  version: number;
  product: "filemaker_cloud" | "claris_connect";
  status: string;
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
  periodEnd: string;
}

type Panel = "seats" | "plan" | "cancel" | "renew" | "payment" | null;

interface Previewed {
  idempotencyKey: string;
  version: number;
  quote: Quote;
  /** What confirming sends: a change, or a renewal. */
  change: SubscriptionChange | null;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** A random key for requests that have no preview to carry one (works without a secure context). */
function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function Alert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {message}
    </p>
  );
}

/** The owner's controls: change seats or plan (preview, then confirm), cancel, reactivate, renew. */
export function SubscriptionControls({
  state,
  plans,
  providers,
}: {
  state: ControlsState;
  plans: Plan[];
  providers: Array<{ id: string; label: string }>;
}) {
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const open = (next: Panel) => {
    setPanel(next);
    setError(null);
    setDone(null);
  };
  const finish = (message: string) => {
    setPanel(null);
    setError(null);
    setDone(message);
    router.refresh();
  };
  const run = <T,>(call: () => Promise<ActionResult<T>>, onValue: (value: T) => void) =>
    startTransition(async () => {
      setError(null);
      const result = await call();
      if (result.ok) onValue(result.value);
      else setError(result.error);
    });

  const fileMaker = state.product === "filemaker_cloud";
  return (
    <div className="space-y-4">
      {done ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {done}
        </p>
      ) : null}

      {state.ended ? (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass}
            disabled={pending}
            onClick={() => {
              open("renew");
            }}
          >
            Renew subscription
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {fileMaker ? (
            <button
              type="button"
              className={secondaryButtonClass}
              aria-expanded={panel === "seats"}
              onClick={() => open(panel === "seats" ? null : "seats")}
            >
              Change seats
            </button>
          ) : null}
          <button
            type="button"
            className={secondaryButtonClass}
            aria-expanded={panel === "plan"}
            onClick={() => open(panel === "plan" ? null : "plan")}
          >
            Change plan
          </button>
          {state.trial || !state.hasPaymentMethod ? (
            <button
              type="button"
              className={secondaryButtonClass}
              aria-expanded={panel === "payment"}
              onClick={() => open(panel === "payment" ? null : "payment")}
            >
              Add payment method
            </button>
          ) : null}
          {state.cancelAtPeriodEnd ? (
            <button
              type="button"
              className={buttonClass}
              disabled={pending}
              onClick={() =>
                run(
                  () => reactivateAction(state.teamId, { expectedVersion: state.version }),
                  (value) =>
                    finish(`The subscription is active again and renews on ${dateFormat.format(value.renewsAt)}.`),
                )
              }
            >
              Reactivate subscription
            </button>
          ) : (
            <button
              type="button"
              className={secondaryButtonClass}
              aria-expanded={panel === "cancel"}
              onClick={() => open(panel === "cancel" ? null : "cancel")}
            >
              Cancel subscription
            </button>
          )}
        </div>
      )}

      {panel === null ? <Alert message={error} /> : null}

      {panel === "seats" ? (
        <ChangeForm key="seats" state={state} plans={plans} mode="seats" onDone={finish} onClose={() => open(null)} />
      ) : null}
      {panel === "plan" ? (
        <ChangeForm key="plan" state={state} plans={plans} mode="plan" onDone={finish} onClose={() => open(null)} />
      ) : null}
      {panel === "renew" ? <RenewPanel state={state} onDone={finish} onClose={() => open(null)} /> : null}
      {panel === "payment" ? (
        <PaymentPanel state={state} providers={providers} onDone={finish} onClose={() => open(null)} />
      ) : null}
      {panel === "cancel" ? (
        <CancelPanel
          state={state}
          pending={pending}
          error={error}
          onSubmit={(reason) =>
            run(
              () => cancelAction(state.teamId, { expectedVersion: state.version, reason: reason || undefined }),
              (value) =>
                finish(
                  `The subscription is cancelled. It stays active until ${dateFormat.format(value.endsAt)} and is not renewed.`,
                ),
            )
          }
          onClose={() => open(null)}
        />
      ) : null}
    </div>
  );
}

function ChangeForm({
  state,
  plans,
  mode,
  onDone,
  onClose,
}: {
  state: ControlsState;
  plans: Plan[];
  mode: "seats" | "plan";
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [seats, setSeats] = useState(String(state.seats));
  const [planCode, setPlanCode] = useState(state.planCode);
  const [billingPeriod, setBillingPeriod] = useState(state.billingPeriod);
  const [storage, setStorage] = useState(String(state.extraStorageGb));
  const [transfer, setTransfer] = useState(String(state.extraDataTransferGb));
  const [requests, setRequests] = useState(String(state.extraRequests));
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fileMaker = state.product === "filemaker_cloud";
  const chosen = plans.find((p) => p.code === planCode);

  const number = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
  const change = (): SubscriptionChange => {
    if (mode === "seats") return { seats: number(seats) };
    const wanted: SubscriptionChange = { planCode, billingPeriod };
    if (fileMaker) {
      wanted.seats = number(seats);
      wanted.extraStorageGb = number(storage);
      wanted.extraDataTransferGb = number(transfer);
    } else {
      wanted.extraRequests = number(requests);
    }
    return wanted;
  };

  const preview = () =>
    startTransition(async () => {
      setError(null);
      const wanted = change();
      if (Object.values(wanted).some((v) => typeof v === "number" && !Number.isInteger(v))) {
        setError("Enter whole numbers.");
        return;
      }
      const result = await previewChangeAction(state.teamId, wanted);
      if (!result.ok) {
        setPreviewed(null);
        setError(result.error);
        return;
      }
      setPreviewed({
        idempotencyKey: result.value.idempotencyKey,
        version: result.value.version,
        quote: result.value.quote,
        change: wanted,
      });
    });

  const confirm = (shown: Previewed) =>
    startTransition(async () => {
      setError(null);
      const result = await confirmChangeAction(state.teamId, {
        change: shown.change!,
        idempotencyKey: shown.idempotencyKey,
        expectedVersion: shown.version,
        expectedTotalCents: shown.quote.totalCents,
      });
      if (result.ok) {
        onDone(
          `Change applied. Invoice ${result.value.invoice.number}: ${formatCents(result.value.invoice.totalCents)}.`,
        );
      } else {
        setError(result.error);
      }
    });

  const edited = () => setPreviewed(null);
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      aria-label={mode === "seats" ? "Change seats" : "Change plan"}
      onSubmit={(event) => {
        event.preventDefault();
        preview();
      }}
      noValidate
    >
      {mode === "plan" ? (
        <>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Plan</legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {plans.map((plan) => (
                <label
                  key={plan.code}
                  className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-blue-500 dark:border-slate-700"
                >
                  <input
                    type="radio"
                    name={`${id}-plan`}
                    value={plan.code}
                    checked={planCode === plan.code}
                    onChange={() => {
                      setPlanCode(plan.code);
                      edited();
                    }}
                  />
                  <span>
                    <span className="block font-medium">{plan.name}</span>
                    <span className="block text-slate-600 dark:text-slate-400">
                      {formatCents(plan.prices[billingPeriod])} {plan.pricedPer === "seat" ? "a seat " : ""}
                      {billingPeriod === "annual" ? "a year" : "a month"}
                    </span>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {plan.product === "filemaker_cloud"
                        ? `${plan.includedStorageGb} GB storage · ${plan.includedDataTransferGb} GB transfer · ${plan.computeSize} compute · at least ${plan.minimumSeats} seats`
                        : `${plan.flows} flows · ${plan.monthlyRequests.toLocaleString("en")} requests a month`}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-period`} className="mb-1 block text-sm font-medium">
                Billing period
              </label>
              <select
                id={`${id}-period`}
                className={inputClass}
                value={billingPeriod}
                onChange={(e) => {
                  setBillingPeriod(e.target.value as "monthly" | "annual");
                  edited();
                }}
              >
                <option value="monthly">Monthly</option>
                <option value="annual">Annual (cheaper)</option>
              </select>
            </div>
            {fileMaker ? (
              <>
                <NumberField
                  id={`${id}-storage`}
                  label="Extra storage (GB)"
                  hint={addOnHint(chosen, "storage")}
                  value={storage}
                  step={10}
                  onChange={(v) => {
                    setStorage(v);
                    edited();
                  }}
                />
                <NumberField
                  id={`${id}-transfer`}
                  label="Extra data transfer (GB a contract year)"
                  hint={addOnHint(chosen, "dataTransfer")}
                  value={transfer}
                  step={100}
                  onChange={(v) => {
                    setTransfer(v);
                    edited();
                  }}
                />
              </>
            ) : (
              <NumberField
                id={`${id}-requests`}
                label="Extra API requests (a month)"
                hint={addOnHint(chosen, "requests")}
                value={requests}
                step={10000}
                onChange={(v) => {
                  setRequests(v);
                  edited();
                }}
              />
            )}
          </div>
        </>
      ) : null}
      {fileMaker ? (
        <NumberField
          id={`${id}-seats`}
          label="Seats"
          hint={chosen ? `${chosen.name} needs at least ${chosen.minimumSeats}.` : undefined}
          value={seats}
          step={1}
          onChange={(v) => {
            setSeats(v);
            edited();
          }}
        />
      ) : null}
      <Alert message={error} />
      <div className="flex gap-2">
        <button type="submit" className={previewed ? secondaryButtonClass : buttonClass} disabled={pending}>
          Preview
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
      </div>
      {previewed ? (
        <PricePreview quote={previewed.quote} pending={pending} onConfirm={() => confirm(previewed)} />
      ) : null}
    </form>
  );
}

function addOnHint(plan: Plan | undefined, kind: "storage" | "dataTransfer" | "requests"): string | undefined {
  const addOn = plan?.addOns.find((a) => a.kind === kind);
  if (!addOn) return undefined;
  return `In steps of ${addOn.unitSize.toLocaleString("en")}: ${formatCents(addOn.prices.monthly)} a month or ${formatCents(addOn.prices.annual)} a year per ${addOn.unitLabel}.`;
}

function NumberField({
  id,
  label,
  hint,
  value,
  step,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  step: number;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        step={step}
        className={`${inputClass} max-w-40`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The preview: what is credited and charged, and the one button that applies it. */
function PricePreview({
  quote,
  pending,
  onConfirm,
  confirmLabel = "Confirm change",
}: {
  quote: Quote;
  pending: boolean;
  onConfirm: () => void;
  confirmLabel?: string;
}) {
  return (
    <section aria-label="Price preview" className="space-y-3 rounded-md bg-slate-50 p-4 dark:bg-slate-800/50">
      <h3 className="text-sm font-semibold">Price preview</h3>
      <table className="w-full text-sm">
        <caption className="sr-only">Price preview</caption>
        <thead>
          <tr className="text-left text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1 font-medium">
              Item
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Quantity
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
            <tr key={i}>
              <td className="py-1">{line.description}</td>
              <td className="py-1 text-right">
                {line.quantity} × {formatCents(line.unitAmountCents)}
              </td>
              <td className="py-1 text-right tabular-nums">{formatCents(line.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td className="pt-2" colSpan={2}>
              {quote.totalCents < 0 ? "Credit" : "Total due now"}
            </td>
            <td className="pt-2 text-right tabular-nums" data-testid="preview-total">
              {formatCents(quote.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {quote.newCycle
          ? `A new period starts today and runs until ${dateFormat.format(quote.periodEnd)}.`
          : quote.daysCharged === 0 && quote.totalCents === 0
            ? "No charge during the trial."
            : `Prorated by day: ${quote.daysCharged} of ${quote.daysInPeriod} days, until ${dateFormat.format(quote.periodEnd)}.`}{" "}
        It applies at once.
      </p>
      <button type="button" className={buttonClass} disabled={pending} onClick={onConfirm}>
        {confirmLabel}
      </button>
    </section>
  );
}

function RenewPanel({
  state,
  onDone,
  onClose,
}: {
  state: ControlsState;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    startTransition(async () => {
      const result = await previewRenewalAction(state.teamId);
      if (result.ok) setPreviewed({ ...result.value, change: null });
      else setError(result.error);
    });
  }, [state.teamId]);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <p className="text-sm">
        Renewing starts a new period today with the same plan, seats and add-ons. The team is active again at once.
      </p>
      <Alert message={error} />
      {previewed ? (
        <PricePreview
          quote={previewed.quote}
          pending={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await renewAction(state.teamId, {
                idempotencyKey: previewed.idempotencyKey,
                expectedVersion: previewed.version,
                expectedTotalCents: previewed.quote.totalCents,
              });
              if (result.ok)
                onDone(
                  `The subscription is renewed. Invoice ${result.value.invoice.number}: ${formatCents(result.value.invoice.totalCents)}.`,
                );
              else setError(result.error);
            })
          }
        />
      ) : pending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Pricing the renewal…</p>
      ) : null}
      <button type="button" className={secondaryButtonClass} onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function PaymentPanel({
  state,
  providers,
  onDone,
  onClose,
}: {
  state: ControlsState;
  providers: Array<{ id: string; label: string }>;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [provider, setProvider] = useState(providers[0]?.id ?? "invoice");
  const [key] = useState(newKey);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      aria-label="Add payment method"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addPaymentMethodAction(state.teamId, {
            provider,
            idempotencyKey: key,
            expectedVersion: state.version,
          });
          if (!result.ok) return setError(result.error);
          onDone(
            result.value.converted && result.value.invoice
              ? `The trial is now a paid subscription. Invoice ${result.value.invoice.number}: ${formatCents(result.value.invoice.totalCents)}.`
              : "The payment method is saved.",
          );
        });
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The console never takes card numbers: a card is entered only in the payment provider's own form.
        {state.trial ? " Adding a payment method ends the trial and starts the paid subscription today." : ""}
      </p>
      <div>
        <label htmlFor={`${id}-provider`} className="mb-1 block text-sm font-medium">
          Payment method
        </label>
        <select
          id={`${id}-provider`}
          className={`${inputClass} max-w-xs`}
          value={provider}
          onChange={(e) => setProvider(e.target.value)}
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <Alert message={error} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          Save payment method
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

function CancelPanel({
  state,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  state: ControlsState;
  pending: boolean;
  error: string | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      aria-label="Cancel subscription"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason.trim());
      }}
    >
      <p className="text-sm">
        The subscription stays active until {dateFormat.format(new Date(state.periodEnd))} and is then not renewed. You
        can reactivate it any time before that. Afterwards the hosts stop and the team's data is kept 45 days for you to
        download.
      </p>
      <div>
        <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium">
          Reason (optional)
        </label>
        <textarea
          id={`${id}-reason`}
          className={inputClass}
          rows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <Alert message={error} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          Confirm cancellation
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Keep subscription
        </button>
      </div>
    </form>
  );
}
