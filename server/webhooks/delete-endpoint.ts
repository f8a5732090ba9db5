import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { urlForRecord } from "./endpoint-settings";
import { lockEndpoint } from "./lock-endpoint";

/** Removes an endpoint, its secrets and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; webhookEndpointId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.endpoint_deleted",
      target: { type: "webhook_endpoint", id: endpoint.id },
      before: {
        url: urlForRecord(endpoint.url),
        description: endpoint.description,
        eventTypes: endpoint.eventTypes,
        enabled: endpoint.enabled,
      },
    });
  });
}
