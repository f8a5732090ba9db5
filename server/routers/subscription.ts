import { z } from "zod";
import { cancelSubscription, reactivateSubscription } from "../billing/cancel-subscription";
import { containsCardNumber } from "../billing/card-data";
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
import { DomainError } from "../errors";
import type { Permission } from "../permissions";
import { router, teamProcedure } from "../trpc";

/**
 * A team procedure that refuses any input shaped like a card number, in any field, before
 * the input is parsed or used: the console never accepts card data (PCI).
 */
function billingProcedure(permission: Permission) {
  return teamProcedure(permission).use(async ({ getRawInput, next }) => {
    if (containsCardNumber(await getRawInput())) throw new DomainError("INVALID_INPUT", "cardDataRefused");
    return next();
  });
}

const expectedVersion = z.number().int().min(1);
const cents = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const subscriptionRouter = router({
  /** The summary and usage meters; prices and payment details only for owner and managers. */
  summary: billingProcedure("subscription.read").query(({ ctx }) =>
    subscriptionSummary(ctx.db, ctx.access, ctx.clock.now()),
  ),
  /** For the banner every page of a terminated team shows. */
  retention: teamProcedure("team.read").query(({ ctx }) => teamRetention(ctx.db, ctx.access.team.id, ctx.clock.now())),
  invoices: billingProcedure("subscription.invoices.read").query(({ ctx }) => listInvoices(ctx.db, ctx.access.team.id)),

  plans: billingProcedure("subscription.change").query(({ ctx }) => planChoices(ctx.access.team.product)),
  paymentProviders: billingProcedure("subscription.change").query(() => paymentProviders()),

  /** Prices a change (seats, plan, add-ons, billing period) without making it. */
  previewChange: billingProcedure("subscription.change")
    .input(z.object({ change: subscriptionChangeSchema }))
    .query(({ ctx, input }) => previewChange(ctx.db, ctx, ctx.access.team.id, input.change)),
  /** Applies a previewed change at once and writes its invoice. */
  confirmChange: billingProcedure("subscription.change")
    .input(
      z.object({
        change: subscriptionChangeSchema,
        idempotencyKey: idempotencyKeySchema,
        expectedVersion,
        expectedTotalCents: cents,
      }),
    )
    .mutation(({ ctx, input }) => confirmChange(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  cancel: billingProcedure("subscription.change")
    .input(z.object({ expectedVersion, reason: z.string().max(1000).optional() }))
    .mutation(({ ctx, input }) => cancelSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  reactivate: billingProcedure("subscription.change")
    .input(z.object({ expectedVersion }))
    .mutation(({ ctx, input }) => reactivateSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  previewRenewal: billingProcedure("subscription.change").query(({ ctx }) =>
    previewRenewal(ctx.db, ctx, ctx.access.team.id),
  ),
  renew: billingProcedure("subscription.change")
    .input(z.object({ idempotencyKey: idempotencyKeySchema, expectedVersion, expectedTotalCents: cents }))
    .mutation(({ ctx, input }) => renewSubscription(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),

  /** A payment provider's token (never card data); in a trial this converts it to paid. */
  addPaymentMethod: billingProcedure("subscription.change")
    .input(
      z.object({
        provider: z.string().min(1).max(40),
        providerToken: z.string().max(500).optional(),
        idempotencyKey: idempotencyKeySchema,
        expectedVersion,
      }),
    )
    .mutation(({ ctx, input }) => addPaymentMethod(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
