import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { DomainError } from "../errors";

/**
 * The team's endpoint, locked for the change; an id from another team is not found. NO KEY
 * UPDATE, not UPDATE: the dispatcher's delivery rows reference the endpoint while it holds a
 * chain's cursor that this change's audit event waits for, so a full lock here could deadlock.
 */
export async function lockEndpoint(tx: Transaction, teamId: string, endpointId: string) {
  const [endpoint] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.teamId, teamId), eq(webhookEndpoints.id, endpointId)))
    .for("no key update");
  if (!endpoint) throw new DomainError("NOT_FOUND", "webhookEndpointNotInTeam");
  return endpoint;
}
