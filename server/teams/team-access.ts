import { type AnyColumn, and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teamSettings, teams } from "@/db/schema";
import { type Actor, actingAccountId } from "../actor";
import { DomainError } from "../errors";
import { refusal } from "../i18n/refusal-format";
import { checkPermission, grantedPermissions, type Permission, rolesOf, type TeamRole } from "../permissions";
import { PERMISSION_ACTIONS } from "./permission-actions";
import { productLacks } from "./require-product";

export interface TeamAccess {
  team: { id: string; name: string; product: "filemaker_cloud" | "claris_connect"; status: string };
  /** null for a support session, which views the team as a manager without being in it. */
  membership: { id: string; role: "owner" | "manager" | "member"; licensed: boolean } | null;
  roles: TeamRole[];
  permissions: Permission[];
  /** Set when support views the team: until when, and as which member if not as a manager. */
  support?: { endsAt: Date; viewingAs: { name: string; email: string } | null };
}

/** The team, its two-step rule and an account's active membership in it: what every team call is decided on. */
export function teamAccessColumns() {
  return {
    team: { id: teams.id, name: teams.name, product: teams.product, status: teams.status },
    mfaRequired: teamSettings.mfaRequired,
    membershipId: memberships.id,
    role: memberships.role,
    licensed: memberships.licensed,
  };
}

export interface TeamAccessRow {
  team: { id: string; name: string; product: "filemaker_cloud" | "claris_connect"; status: string } | null;
  mfaRequired: boolean | null;
  membershipId: string | null;
  role: "owner" | "manager" | "member" | null;
  licensed: boolean | null;
}

/** The team joined with the account's active membership, as a condition any query can join on. */
export function activeMembershipOf(accountId: string | AnyColumn | null) {
  return and(
    eq(memberships.teamId, teams.id),
    eq(memberships.accountId, accountId ?? sql`null`),
    eq(memberships.status, "active"),
  );
}

export async function teamAccessRow(
  db: Queryable,
  accountId: string | null,
  teamId: string,
): Promise<TeamAccessRow | null> {
  const [row] = await db
    .select(teamAccessColumns())
    .from(teams)
    .leftJoin(teamSettings, eq(teamSettings.teamId, teams.id))
    .leftJoin(memberships, activeMembershipOf(accountId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}

/**
 * Decides whether the actor may use `permission` in the team. Someone outside the team is
 * told the team does not exist, so team ids cannot be probed.
 */
export async function authoriseTeamAccess(
  db: Queryable,
  actor: Actor,
  teamId: string,
  permission: Permission,
  options: {
    viewAsMembershipId?: string | null;
    /** The team's row, when the request already read it with its session (see request-actor.ts). */
    row?: TeamAccessRow | null;
  } = {},
): Promise<TeamAccess> {
  if (actor.kind !== "account" && actor.kind !== "support" && actor.kind !== "apiKey") {
    throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  }

  // Made only when refusing: a refusal formats its message, which every allowed call would pay for.
  const notFound = () => new DomainError("NOT_FOUND", "thisTeamDoesNotExistOr");
  const row = options.row !== undefined ? options.row : await teamAccessRow(db, actingAccountId(actor), teamId);
  const team = row?.team;
  if (!team || team.status === "purged") throw notFound();

  let access: TeamAccess;
  if (actor.kind === "support") {
    if (actor.teamId !== team.id) throw notFound();
    access = { team, membership: null, roles: [], permissions: grantedPermissions({ support: true }, team.product) };
    if (options.viewAsMembershipId) {
      // Exactly what that member may read: their permissions, less every write.
      const [member] = await db
        .select({
          id: memberships.id,
          role: memberships.role,
          licensed: memberships.licensed,
          name: accounts.name,
          email: accounts.email,
        })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(and(eq(memberships.teamId, team.id), eq(memberships.id, options.viewAsMembershipId)));
      if (member) {
        const roles = rolesOf(member);
        access = {
          team,
          membership: { id: member.id, role: member.role, licensed: member.licensed },
          roles,
          permissions: grantedPermissions({ roles }, team.product).filter((p) => p.endsWith(".read")),
          support: { endsAt: new Date(0), viewingAs: { name: member.name, email: member.email } },
        };
      }
    }
  } else if (actor.kind === "apiKey") {
    if (actor.teamId !== team.id) throw notFound();
    if (!actor.scopes.includes(permission)) throw new DomainError("FORBIDDEN", "apiKeyLacksScope", { permission });
    // The key acts with its creator's rights of today: a creator who is no longer a manager disarms it.
    if (!row!.membershipId || !row!.role || row!.licensed === null || row!.role === "member") {
      throw new DomainError("UNAUTHENTICATED", "apiKeyCreatorNoLongerManager");
    }
    const membership = { id: row!.membershipId, role: row!.role, licensed: row!.licensed };
    const roles = rolesOf(membership);
    const permissions = grantedPermissions({ roles }, team.product).filter((p) => actor.scopes.includes(p));
    access = { team, membership, roles, permissions };
  } else {
    if (!row!.membershipId || !row!.role || row!.licensed === null) throw notFound();
    const membership = { id: row!.membershipId, role: row!.role, licensed: row!.licensed };
    const providerVerified = actor.providerTeamId === team.id;
    if (row!.mfaRequired && !actor.mfaVerified && !providerVerified) {
      throw new DomainError(
        "MFA_REQUIRED",
        "requiresTwoStepVerificationTurnIt",
        { teamName: team.name },
        {
          teamName: team.name,
        },
      );
    }
    const roles = rolesOf(membership);
    access = { team, membership, roles, permissions: grantedPermissions({ roles }, team.product) };
  }

  const holder = actor.kind === "support" && !access.membership ? { support: true as const } : { roles: access.roles };
  const verdict = checkPermission(permission, holder, team.product);
  if (verdict.allowed && (actor.kind !== "support" || permission.endsWith(".read"))) return access;
  if (!verdict.allowed && verdict.reason === "product") throw productLacks(team.product, permission.split(".")[0]!);
  if (actor.kind === "support" && !permission.endsWith(".read"))
    throw new DomainError("READ_ONLY", "supportSessionsAreReadOnly");
  if (actor.kind === "support") {
    const action = refusal(PERMISSION_ACTIONS[permission]);
    const name = access.support?.viewingAs?.name;
    throw name
      ? new DomainError("FORBIDDEN", "memberCannot", { name, action })
      : new DomainError("FORBIDDEN", "thisMemberCannot", { action });
  }
  throw new DomainError("FORBIDDEN", "roleDoesNotAllow", {
    teamName: team.name,
    action: refusal(PERMISSION_ACTIONS[permission]),
  });
}
