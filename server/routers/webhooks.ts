import { z } from "zod";
import { router, teamProcedure } from "../trpc";
import { createWebhookEndpoint } from "../webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "../webhooks/delete-endpoint";
import { EVENT_TYPE_NAMES } from "../webhooks/event-types";
import { listWebhookDeliveries } from "../webhooks/list-deliveries";
import { getWebhookEndpoint, listWebhookEndpoints } from "../webhooks/list-endpoints";
import { resendWebhookDelivery } from "../webhooks/resend-delivery";
import { rotateWebhookSecret } from "../webhooks/rotate-secret";
import { sendWebhookTestEvent } from "../webhooks/send-test-event";
import { setWebhookEndpointEnabled } from "../webhooks/set-endpoint-enabled";
import { updateWebhookEndpoint } from "../webhooks/update-endpoint";
import { ENDPOINT_DESCRIPTION_MAX, ENDPOINT_URL_MAX } from "../webhooks/webhook-rules";

export const oneEndpointInput = z.object({ webhookEndpointId: z.uuid() });

/** The checks a form can make at once; whether the address may be reached is the domain's to say. */
export const endpointSettingsInput = z.object({
  url: z
    .string({ message: "Enter the endpoint's URL, like https://example.com/webhooks." })
    .trim()
    .min(1, "Enter the endpoint's URL, like https://example.com/webhooks.")
    .max(ENDPOINT_URL_MAX, "Keep the URL under 2,000 characters."),
  eventTypes: z
    .array(z.string().max(64))
    .min(1, "Choose at least one event type.")
    .max(EVENT_TYPE_NAMES.length + 1),
  description: z
    .string()
    .trim()
    .max(ENDPOINT_DESCRIPTION_MAX, "Use at most 200 characters for the description.")
    .default(""),
});
export const updateEndpointInput = oneEndpointInput.extend(endpointSettingsInput.shape);
export const setEndpointEnabledInput = oneEndpointInput.extend({ enabled: z.boolean() });
export const resendDeliveryInput = oneEndpointInput.extend({ webhookDeliveryId: z.uuid() });
export const deliveriesInput = oneEndpointInput.extend({ page: z.number().int().min(1).max(10_000).default(1) });

export const webhooksRouter = router({
  list: teamProcedure("webhooks.read").query(({ ctx }) =>
    listWebhookEndpoints(ctx.db, ctx.access.team.id, ctx.clock.now()),
  ),
  get: teamProcedure("webhooks.read")
    .input(oneEndpointInput)
    .query(({ ctx, input }) =>
      getWebhookEndpoint(ctx.db, ctx.access.team.id, input.webhookEndpointId, ctx.clock.now()),
    ),
  deliveries: teamProcedure("webhooks.read")
    .input(deliveriesInput)
    .query(({ ctx, input }) =>
      listWebhookDeliveries(ctx.db, { ...input, teamId: ctx.access.team.id }, ctx.clock.now()),
    ),
  create: teamProcedure("webhooks.manage")
    .input(endpointSettingsInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  update: teamProcedure("webhooks.manage")
    .input(updateEndpointInput)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  rotateSecret: teamProcedure("webhooks.manage")
    .input(oneEndpointInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  setEnabled: teamProcedure("webhooks.manage")
    .input(setEndpointEnabledInput)
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  delete: teamProcedure("webhooks.manage")
    .input(oneEndpointInput)
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  sendTest: teamProcedure("webhooks.manage")
    .input(oneEndpointInput)
    .mutation(({ ctx, input }) => sendWebhookTestEvent(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  resend: teamProcedure("webhooks.manage")
    .input(resendDeliveryInput)
    .mutation(({ ctx, input }) => resendWebhookDelivery(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
