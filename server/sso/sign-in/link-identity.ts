import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { identityProviders } from "@/db/schema";
import { accounts, externalIdentities, staff } from "@/db/schema";
import type { AuditEventInput } from "../../audit/record-audit";
import { isVerifiedBy } from "../domains/domain-owner";
import type { ProviderClaims } from "../provider-answer";
import { SsoFailure } from "../provider-answer";

type Provider = typeof identityProviders.$inferSelect;

/**
 * The account a provider's answer signs in. Identities are keyed by (provider, subject): a known
 * subject is its account, whatever email the provider now sends. A new subject creates an account,
 * or links the existing account of its address only when the address is on a domain this
 * provider's team has verified, so a provider cannot take over someone else's account.
 */
export async function accountForIdentity(
  tx: Transaction,
  provider: Provider,
  claims: ProviderClaims,
  now: Date,
  audit: (event: Omit<AuditEventInput, "actor" | "occurredAt" | "request">) => Promise<void>,
): Promise<{ accountId: string; email: string }> {
  const [known] = await tx
    .select({
      identityId: externalIdentities.id,
      createdAccount: externalIdentities.createdAccount,
      accountId: accounts.id,
      email: accounts.email,
    })
    .from(externalIdentities)
    .innerJoin(accounts, eq(accounts.id, externalIdentities.accountId))
    .where(
      and(
        eq(externalIdentities.identityProviderId, provider.id),
        eq(externalIdentities.subject, claims.subject),
        isNull(accounts.pseudonymisedAt),
      ),
    );
  if (known) {
    if (!known.createdAccount && !(await isVerifiedBy(tx, provider.teamId, known.email))) {
      throw new SsoFailure(
        "domain_not_verified",
        `${known.email} was linked on a verified domain that is no longer verified`,
      );
    }
    await tx.update(externalIdentities).set({ lastSignInAt: now }).where(eq(externalIdentities.id, known.identityId));
    return { accountId: known.accountId, email: known.email };
  }

  const email = claims.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new SsoFailure("no_email_claim", "the provider's answer carries no usable email address");
  }
  const domainVerified = await isVerifiedBy(tx, provider.teamId, email);
  const [existing] = await tx
    .select({ id: accounts.id, email: accounts.email, staffId: staff.id })
    .from(accounts)
    .leftJoin(staff, eq(staff.accountId, accounts.id))
    .where(eq(sql`lower(${accounts.email})`, email))
    .for("update", { of: accounts });

  if (existing) {
    if (!domainVerified) {
      throw new SsoFailure(
        "domain_not_verified",
        `an account for ${email} exists; the provider may link it only once the team has verified its domain`,
      );
    }
    if (existing.staffId) throw new SsoFailure("identity_taken", `${email} is a support staff account`);
    await tx.insert(externalIdentities).values({
      identityProviderId: provider.id,
      subject: claims.subject,
      accountId: existing.id,
      createdAccount: false,
      createdAt: now,
      lastSignInAt: now,
    });
    await audit({
      teamId: provider.teamId,
      action: "identity_provider.account_linked",
      target: { type: "account", id: existing.id },
      after: { email: existing.email, identityProviderId: provider.id },
    });
    return { accountId: existing.id, email: existing.email };
  }

  const [created] = await tx
    .insert(accounts)
    .values({
      email,
      name: claims.name?.trim() || email.split("@")[0]!,
      passwordHash: null,
      emailVerifiedAt: domainVerified ? now : null,
      managedByTeamId: provider.teamId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: accounts.id });
  await tx.insert(externalIdentities).values({
    identityProviderId: provider.id,
    subject: claims.subject,
    accountId: created!.id,
    createdAccount: true,
    createdAt: now,
    lastSignInAt: now,
  });
  await audit({
    teamId: provider.teamId,
    action: "identity_provider.account_created",
    target: { type: "account", id: created!.id },
    after: { email, identityProviderId: provider.id },
  });
  return { accountId: created!.id, email };
}
