import { count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { endpointDescription, endpointEventTypes, urlForRecord } from "./endpoint-settings";
import { checkedEndpointUrl } from "./endpoint-url";
import { MAX_ENDPOINTS_PER_TEAM } from "./webhook-rules";
import { newWebhookSecret } from "./webhook-secret";

export interface CreatedEndpoint {
  id: string;
  url: string;
  /** The signing secret: shown this once, kept only encrypted. */
  secret: string;
}

/**
 * Adds an endpoint with a new signing secret. A per-team lock makes counting the endpoints and
 * adding one a single step, so two managers adding at once cannot pass the limit together.
 */
export async function createWebhookEndpoint(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; url: string; eventTypes: readonly string[]; description?: string },
): Promise<CreatedEndpoint> {
  const eventTypes = endpointEventTypes(input.eventTypes);
  const description = endpointDescription(input.description);
  const url = await checkedEndpointUrl(input.url);
  const now = ctx.clock.now();
  const { secret, encrypted } = newWebhookSecret();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`webhooks:${input.teamId}`}, 0))`);
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.teamId, input.teamId));
    if (existing!.n >= MAX_ENDPOINTS_PER_TEAM) {
      throw new DomainError("CONFLICT", "webhookEndpointLimitReached", { max: MAX_ENDPOINTS_PER_TEAM });
    }
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        teamId: input.teamId,
        url,
        description,
        eventTypes,
        secretEncrypted: encrypted,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "webhook.endpoint_created",
      target: { type: "webhook_endpoint", id: endpoint!.id },
      after: { url: urlForRecord(url), description, eventTypes, enabled: true },
    });
    return { id: endpoint!.id, url, secret };
  });
}
