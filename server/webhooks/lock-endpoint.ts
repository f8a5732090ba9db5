import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { DomainError } from "../errors";

/** The team's endpoint, locked for the change; an id from another team is not found. */
export async function lockEndpoint(tx: Transaction, teamId: string, endpointId: string) {
  const [endpoint] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.teamId, teamId), eq(webhookEndpoints.id, endpointId)))
    .for("update");
  if (!endpoint) throw new DomainError("NOT_FOUND", "webhookEndpointNotInTeam");
  return endpoint;
}
