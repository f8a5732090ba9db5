import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { endpointDescription, endpointEventTypes, urlForRecord } from "./endpoint-settings";
import { checkedEndpointUrl } from "./endpoint-url";
import { getWebhookEndpoint } from "./list-endpoints";
import { lockEndpoint } from "./lock-endpoint";

/** Changes where an endpoint receives, what, and its description; the audit event names what changed. */
export async function updateWebhookEndpoint(
  db: Queryable,
  ctx: DomainContext,
  input: {
    teamId: string;
    webhookEndpointId: string;
    url: string;
    eventTypes: readonly string[];
    description?: string;
  },
): Promise<{ changed: boolean }> {
  // Another team's endpoint is not found, whatever the settings sent with its id.
  await getWebhookEndpoint(db, input.teamId, input.webhookEndpointId, ctx.clock.now());
  const eventTypes = endpointEventTypes(input.eventTypes);
  const description = endpointDescription(input.description);
  const url = await checkedEndpointUrl(input.url);
  return db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    const next = { url, description, eventTypes };
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
      (key) => JSON.stringify(endpoint[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) return { changed: false };
    await tx
      .update(webhookEndpoints)
      .set({ ...next, updatedAt: ctx.clock.now() })
      .where(eq(webhookEndpoints.id, endpoint.id));
    const shown = (values: typeof next) =>
      Object.fromEntries(changed.map((key) => [key, key === "url" ? urlForRecord(values.url) : values[key]]));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.endpoint_updated",
      target: { type: "webhook_endpoint", id: endpoint.id },
      before: shown(endpoint),
      after: shown(next),
    });
    return { changed: true };
  });
}
