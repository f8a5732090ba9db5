import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { identityProviders } from "@/db/schema";
import { DomainError } from "../../errors";

/** The team's provider, locked for the transaction; another team's provider is not found. */
export async function lockIdentityProvider(tx: Transaction, teamId: string, identityProviderId: string) {
  const [provider] = await tx
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.teamId, teamId), eq(identityProviders.id, identityProviderId)))
    .for("update");
  if (!provider) throw new DomainError("NOT_FOUND", "identityProviderNotFound");
  return provider;
}
