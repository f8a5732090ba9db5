"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { formatCents, formatDate } from "@/lib/format";
import { CURRENCY } from "@/server/billing/plan-catalog";
import {
  addPaymentMethodInput,
  cancelInput,
  confirmChangeInput,
  previewChangeInput,
  reactivateInput,
  renewInput,
} from "@/server/routers/subscription";
import { teamInput } from "@/server/trpc";

/**
 * The Subscription page's server actions: each calls the same tRPC procedure the API offers,
 * so the owner-only check, the card-number check and idempotency hold here too.
 */

/** The whole team frame, since the terminated banner and the seats show on other pages too. */
function refreshTeam(teamId: string) {
  revalidatePath(`/teams/${teamId}`, "layout");
}

async function invoiceText(invoice: { number: string; totalCents: number }) {
  return { number: invoice.number, total: formatCents(invoice.totalCents, CURRENCY, await getLocale()) };
}

export const previewChangeAction = formAction(teamInput.extend(previewChangeInput.shape), async (input, api) => {
  const preview = await api.subscription.previewChange(input);
  return done(null, {
    idempotencyKey: preview.idempotencyKey,
    version: preview.version,
    quote: preview.quote,
    change: input.change,
  });
});

export const confirmChangeAction = formAction(teamInput.extend(confirmChangeInput.shape), async (input, api) => {
  const { invoice } = await api.subscription.confirmChange(input);
  refreshTeam(input.teamId);
  const t = await getTranslations("subscription.notices");
  return done(t("changed", await invoiceText(invoice)));
});

export const cancelAction = formAction(teamInput.extend(cancelInput.shape), async (input, api) => {
  const { endsAt } = await api.subscription.cancel(input);
  refreshTeam(input.teamId);
  const t = await getTranslations("subscription.notices");
  return done(t("cancelled", { date: formatDate(endsAt, await getLocale()) }));
});

export const reactivateAction = formAction(teamInput.extend(reactivateInput.shape), async (input, api) => {
  const { renewsAt } = await api.subscription.reactivate(input);
  refreshTeam(input.teamId);
  const t = await getTranslations("subscription.notices");
  return done(t("reactivated", { date: formatDate(renewsAt, await getLocale()) }));
});

export const previewRenewalAction = formAction(teamInput, async (input, api) => {
  const preview = await api.subscription.previewRenewal(input);
  return done(null, { ...preview, change: null });
});

export const renewAction = formAction(teamInput.extend(renewInput.shape), async (input, api) => {
  const { invoice } = await api.subscription.renew(input);
  refreshTeam(input.teamId);
  const t = await getTranslations("subscription.notices");
  return done(t("renewed", await invoiceText(invoice)));
});

export const addPaymentMethodAction = formAction(teamInput.extend(addPaymentMethodInput.shape), async (input, api) => {
  const { converted, invoice } = await api.subscription.addPaymentMethod(input);
  refreshTeam(input.teamId);
  const t = await getTranslations("subscription.notices");
  return done(converted && invoice ? t("converted", await invoiceText(invoice)) : t("paymentMethodSaved"));
});
