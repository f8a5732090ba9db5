import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, memberships } from "@/db/schema";
import { actingAccountId } from "../actor";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export type MemberRole = "owner" | "manager" | "member";

/** A membership of the team with its account, locked for the change about to be made. */
export async function lockMember(tx: Transaction, teamId: string, membershipId: string) {
  const [row] = await tx
    .select({
      id: memberships.id,
      accountId: memberships.accountId,
      role: memberships.role,
      licensed: memberships.licensed,
      status: memberships.status,
      email: accounts.email,
      name: accounts.name,
      managedByTeamId: accounts.managedByTeamId,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.id, membershipId)))
    .for("update", { of: memberships });
  if (!row) throw new DomainError("NOT_FOUND", "thisUserIsNotInThe2");
  return { ...row, managed: row.managedByTeamId === teamId };
}

export type LockedMember = Awaited<ReturnType<typeof lockMember>>;

/**
 * The role the actor acts with in the team: an account's own role, or "platform" for the
 * system (demo data, command line), which is bound by the owner's protection but not by roles.
 */
export async function actingRole(
  tx: Transaction,
  ctx: DomainContext,
  teamId: string,
): Promise<MemberRole | "platform"> {
  // An identity provider provisioning through SCIM is the platform's hand, bound like it by the owner's protection.
  if (ctx.actor.kind === "system" || ctx.actor.kind === "scim") return "platform";
  if (ctx.actor.kind !== "account" && ctx.actor.kind !== "apiKey")
    throw new DomainError("READ_ONLY", "supportSessionsAreReadOnly");
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.accountId, actingAccountId(ctx.actor)!),
        eq(memberships.status, "active"),
      ),
    );
  if (!row) throw new DomainError("FORBIDDEN", "youAreNoLongerAnActive");
  return row.role;
}

export function isActorAccount(ctx: DomainContext, target: LockedMember): boolean {
  // An API key acts as its creator, who cannot use it to demote or remove themself either.
  return (
    (ctx.actor.kind === "account" || ctx.actor.kind === "apiKey") && actingAccountId(ctx.actor) === target.accountId
  );
}

/** Why a target is out of the actor's reach, if it is: the rule that the row menu and every change share. */
export type Protection = "owner" | "ownerOnly" | "otherManager" | null;

/**
 * The owner is protected from everyone; another manager only from the owner. Some things
 * are the owner's own to change (`ownerMayChange`, such as their licence): then only the
 * owner may change them on the owner.
 */
export function protectionOf(
  target: { role: MemberRole },
  actor: MemberRole | "platform",
  self: boolean,
  ownerMayChange = false,
): Protection {
  if (target.role === "owner") return ownerMayChange ? (self ? null : "ownerOnly") : "owner";
  if (target.role === "manager" && actor === "manager" && !self) return "otherManager";
  return null;
}

export function refuseProtectedTarget(
  ctx: DomainContext,
  target: LockedMember,
  actor: MemberRole | "platform",
  doing: string,
  options: { ownerMayChange?: string } = {},
): void {
  switch (protectionOf(target, actor, isActorAccount(ctx, target), Boolean(options.ownerMayChange))) {
    case "ownerOnly":
      throw new DomainError("FORBIDDEN", "onlyOwnerChangesOwners", { what: options.ownerMayChange ?? "" });
    case "owner":
      throw new DomainError("FORBIDDEN", "ownerCannotBe", { doing });
    case "otherManager":
      throw new DomainError("FORBIDDEN", "onlyTheTeamSOwnerCan3", { email: target.email });
  }
}
