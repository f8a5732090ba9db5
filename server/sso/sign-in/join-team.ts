import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { groupMemberships, groups, type identityProviders, memberships, teams } from "@/db/schema";
import type { AuditEventInput } from "../../audit/record-audit";
import { DomainError } from "../../errors";
import { claimSeats } from "../../members/seats";
import { SsoFailure } from "../provider-answer";

type Provider = typeof identityProviders.$inferSelect;
type Audit = (event: Omit<AuditEventInput, "actor" | "occurredAt" | "request">) => Promise<void>;

/**
 * The person's membership of the provider's team: created at the first sign-in with the
 * provider's role and licence (unlicensed, and the managers told, when no seat is free),
 * then refreshed each time. A deactivated member stays out.
 */
export async function membershipThroughProvider(
  tx: Transaction,
  provider: Provider,
  person: { accountId: string; email: string },
  now: Date,
  audit: Audit,
): Promise<{ membershipId: string; product: string; noSeatForLicence: boolean }> {
  const [team] = await tx.select({ product: teams.product }).from(teams).where(eq(teams.id, provider.teamId));
  const [existing] = await tx
    .select({ id: memberships.id, status: memberships.status, identityProviderId: memberships.identityProviderId })
    .from(memberships)
    .where(and(eq(memberships.teamId, provider.teamId), eq(memberships.accountId, person.accountId)))
    .for("update");
  if (existing) {
    if (existing.status === "deactivated") {
      throw new SsoFailure("membership_deactivated", `${person.email} is deactivated in this team`);
    }
    await tx
      .update(memberships)
      .set({ identityProviderId: provider.id, status: "active", updatedAt: now })
      .where(eq(memberships.id, existing.id));
    return { membershipId: existing.id, product: team!.product, noSeatForLicence: false };
  }

  const wantsLicence = provider.defaultLicensed && team!.product === "filemaker_cloud";
  const licensed = wantsLicence && (await seatIsFree(tx, provider.teamId, now));
  const [created] = await tx
    .insert(memberships)
    .values({
      teamId: provider.teamId,
      accountId: person.accountId,
      role: provider.defaultRole,
      licensed,
      status: "active",
      identityProviderId: provider.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: memberships.id });
  await audit({
    teamId: provider.teamId,
    action: "membership.added",
    target: { type: "membership", id: created!.id },
    after: {
      email: person.email,
      accountId: person.accountId,
      role: provider.defaultRole,
      licensed,
      status: "active",
      identityProviderId: provider.id,
      ...(wantsLicence && !licensed ? { licence: "no free seat" } : {}),
    },
  });
  return { membershipId: created!.id, product: team!.product, noSeatForLicence: wantsLicence && !licensed };
}

async function seatIsFree(tx: Transaction, teamId: string, now: Date): Promise<boolean> {
  try {
    await tx.transaction((savepoint) => claimSeats(savepoint, teamId, 1, now));
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "SEAT_LIMIT") return false;
    throw error;
  }
}

/**
 * Keeps the member's console groups in step with the provider's: the groups mapped to provider
 * groups in the answer are joined, mapped groups not in it are left. Unmapped groups are the
 * managers' own and stay as they are.
 */
export async function syncProviderGroups(
  tx: Transaction,
  provider: Provider,
  membershipId: string,
  providerGroups: string[],
  audit: Audit,
): Promise<void> {
  const mapped = await tx
    .select({ id: groups.id, name: groups.name, providerGroup: groups.identityProviderGroup })
    .from(groups)
    .where(and(eq(groups.teamId, provider.teamId), isNotNull(groups.identityProviderGroup)));
  if (mapped.length === 0) return;
  const wanted = new Set(providerGroups.map((group) => group.toLowerCase()));
  const current = new Set(
    (
      await tx
        .select({ groupId: groupMemberships.groupId })
        .from(groupMemberships)
        .where(
          and(
            eq(groupMemberships.membershipId, membershipId),
            inArray(
              groupMemberships.groupId,
              mapped.map((group) => group.id),
            ),
          ),
        )
    ).map((row) => row.groupId),
  );
  const join = mapped.filter((group) => wanted.has(group.providerGroup!.toLowerCase()) && !current.has(group.id));
  const leave = mapped.filter((group) => !wanted.has(group.providerGroup!.toLowerCase()) && current.has(group.id));
  if (join.length) {
    await tx
      .insert(groupMemberships)
      .values(join.map((group) => ({ teamId: provider.teamId, groupId: group.id, membershipId })))
      .onConflictDoNothing();
  }
  if (leave.length) {
    await tx.delete(groupMemberships).where(
      and(
        eq(groupMemberships.membershipId, membershipId),
        inArray(
          groupMemberships.groupId,
          leave.map((group) => group.id),
        ),
      ),
    );
  }
  if (join.length || leave.length) {
    await audit({
      teamId: provider.teamId,
      action: "membership.groups_synced",
      target: { type: "membership", id: membershipId },
      after: { joined: join.map((group) => group.name), left: leave.map((group) => group.name) },
    });
  }
}
