import { z } from "zod";
import { billingContactOf, setBillingContact } from "../billing/billing-contact";
import { cancelSubscription, reactivateSubscription } from "../billing/cancel-subscription";
import {
  confirmChange,
  idempotencyKeySchema,
  previewChange,
  subscriptionChangeSchema,
} from "../billing/change-subscription";
import { listInvoices } from "../billing/invoices";
import { addPaymentMethod } from "../billing/payment-method";
import { paymentProviders } from "../billing/payment-providers";
import { previewRenewal, renewSubscription } from "../billing/renew-subscription";
import { planChoices, subscriptionSummary, teamRetention } from "../billing/subscription-summary";
import { billingProcedure, router, teamProcedure } from "../trpc";

const expectedVersion = z.number().int().min(1);
const cents = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const previewChangeInput = z.object({ change: subscriptionChangeSchema });
export const confirmChangeInput = z.object({
  change: subscriptionChangeSchema,
  idempotencyKey: idempotencyKeySchema,
  expectedVersion,
  expectedTotalCents: cents,
});
export const cancelInput = z.object({ expectedVersion, reason: z.string().max(1000).optional() });
export const reactivateInput = z.object({ expectedVersion });
export const renewInput = z.object({
  idempotencyKey: idempotencyKeySchema,
  expectedVersion,
  expectedTotalCents: cents,
});
/** A payment provider's token (never card data). */
export const addPaymentMethodInput = z.object({
  provider: z.string().min(1).max(40),
  providerToken: z.string().max(500).optional(),
  idempotencyKey: idempotencyKeySchema,
  expectedVersion,
});

/** An empty email removes the billing contact. */
export const setBillingContactInput = z.object({
  name: z.string().max(200, "Use at most 200 characters for the billing contact's name.").default(""),
  email: z.string().max(320, "An email address has at most 320 characters.").default(""),
});

export const subscriptionRouter = router({
  /** The summary and usage meters; prices and payment details only for owner and managers. */
  summary: billingProcedure("subscription.read").query(({ ctx }) =>
    subscriptionSummary(ctx.db, ctx.access, ctx.clock.now()),
  ),
  /** For the banner every page of a terminated team shows. */
  retention: teamProcedure("team.read").query(({ ctx }) => teamRetention(ctx.db, ctx.access.team.id, ctx.clock.now())),
  invoices: billingProcedure("subscription.invoices.read").query(({ ctx }) => listInvoices(ctx.db, ctx.access.team.id)),
  /** Who gets invoices and billing notices besides the owner: managers see it, the owner sets it. */
  billingContact: billingProcedure("subscription.invoices.read").query(({ ctx }) =>
    billingContactOf(ctx.db, ctx.access.team.id),
  ),
  setBillingContact: billingProcedure("subscription.change")
    .input(setBillingContactInput)
    .mutation(({ ctx, input }) => setBillingContact(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  plans: billingProcedure("subscription.change").query(({ ctx }) => planChoices(ctx.access.team.product)),
  paymentProviders: billingProcedure("subscription.change").query(() => paymentProviders()),

  /** Prices a change (seats, plan, add-ons, billing period) without making it. */
  previewChange: billingProcedure("subscription.change")
    .input(previewChangeInput)
    .query(({ ctx, input }) => previewChange(ctx.db, ctx, ctx.access.team.id, input.change)),
  /** Applies a previewed change at once and writes its invoice. */
  confirmChange: billingProcedure("subscription.change")
    .input(confirmChangeInput)
    .mutation(({ ctx, input }) => confirmChange(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  cancel: billingProcedure("subscription.change")
    .input(cancelInput)
    .mutation(({ ctx, input }) => cancelSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  reactivate: billingProcedure("subscription.change")
    .input(reactivateInput)
    .mutation(({ ctx, input }) => reactivateSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  previewRenewal: billingProcedure("subscription.change").query(({ ctx }) =>
    previewRenewal(ctx.db, ctx, ctx.access.team.id),
  ),
  renew: billingProcedure("subscription.change")
    .input(renewInput)
    .mutation(({ ctx, input }) => renewSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  /** A payment provider's token (never card data); in a trial this converts it to paid. */
  addPaymentMethod: billingProcedure("subscription.change")
    .input(addPaymentMethodInput)
    .mutation(({ ctx, input }) => addPaymentMethod(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
