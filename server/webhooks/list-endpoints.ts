import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { DomainError } from "../errors";

export interface ListedEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  /** "manual" or "failing" while disabled. */
  disabledReason: string | null;
  /** Until when the secret before the last rotation still signs, if it still does. */
  previousSecretSignsUntil: Date | null;
  failingSince: Date | null;
  createdAt: Date;
}

const columns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  failingSince: webhookEndpoints.failingSince,
  createdAt: webhookEndpoints.createdAt,
};

function listed(
  {
    previousSecretExpiresAt,
    ...endpoint
  }: { previousSecretExpiresAt: Date | null } & Omit<ListedEndpoint, "previousSecretSignsUntil">,
  now: Date,
): ListedEndpoint {
  return {
    ...endpoint,
    previousSecretSignsUntil: previousSecretExpiresAt && previousSecretExpiresAt > now ? previousSecretExpiresAt : null,
  };
}

/** The team's endpoints, newest first; never a secret. */
export async function listWebhookEndpoints(db: Queryable, teamId: string, now: Date): Promise<ListedEndpoint[]> {
  const rows = await db
    .select(columns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.teamId, teamId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map((row) => listed(row, now));
}

export async function getWebhookEndpoint(
  db: Queryable,
  teamId: string,
  endpointId: string,
  now: Date,
): Promise<ListedEndpoint> {
  const [row] = await db
    .select(columns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.teamId, teamId), eq(webhookEndpoints.id, endpointId)));
  if (!row) throw new DomainError("NOT_FOUND", "webhookEndpointNotInTeam");
  return listed(row, now);
}
