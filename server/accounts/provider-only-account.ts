import { and, eq, exists, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, externalIdentities } from "@/db/schema";
import { DomainError } from "../errors";

/**
 * Whether the account signs in only through an identity provider: it has no password and is
 * linked to a provider. Its password and two-step verification live with the provider.
 */
export async function signsInOnlyThroughProvider(db: Queryable, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.id, accountId),
        isNull(accounts.passwordHash),
        exists(db.select().from(externalIdentities).where(eq(externalIdentities.accountId, accounts.id))),
      ),
    );
  return Boolean(row);
}

/** Refuses a password for an account whose password is its identity provider's. */
export async function refusePasswordOfProviderAccount(db: Queryable, accountId: string): Promise<void> {
  if (await signsInOnlyThroughProvider(db, accountId)) {
    throw new DomainError("FORBIDDEN", "passwordManagedByIdentityProvider");
  }
}
