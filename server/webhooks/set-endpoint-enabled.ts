import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { lockEndpoint } from "./lock-endpoint";

/**
 * Stops or resumes sending to an endpoint. Deliveries due meanwhile wait; enabling starts the
 * failure count afresh, so an endpoint disabled for failing gets its full three days again.
 */
export async function setWebhookEndpointEnabled(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; webhookEndpointId: string; enabled: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, input.teamId, input.webhookEndpointId);
    if (endpoint.enabled === input.enabled) {
      throw new DomainError(
        "CONFLICT",
        input.enabled ? "webhookEndpointAlreadyEnabled" : "webhookEndpointAlreadyDisabled",
      );
    }
    await tx
      .update(webhookEndpoints)
      .set({
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "manual",
        failingSince: null,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: input.enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled",
      target: { type: "webhook_endpoint", id: endpoint.id },
      before: { enabled: endpoint.enabled },
      after: { enabled: input.enabled },
    });
  });
}
