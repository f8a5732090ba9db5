import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import {
  type Permission,
  PERMISSIONS,
  type TeamRole,
  checkPermission,
  grantedPermissions,
  rolesOf,
} from "../permissions";
import { productLacks } from "./require-product";

export interface TeamAccess {
  team: { id: string; name: string; product: "filemaker_cloud" | "claris_connect"; status: string };
  /** null for a support session, which views the team without being in it. */
  membership: { id: string; role: "owner" | "manager" | "member"; licensed: boolean } | null;
  roles: TeamRole[];
  permissions: Permission[];
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
): Promise<TeamAccess> {
  if (actor.kind !== "account" && actor.kind !== "support") {
    throw new DomainError("UNAUTHENTICATED", "Sign in to continue.");
  }
  const notFound = new DomainError("NOT_FOUND", "This team does not exist or you are not a member of it.");
  // One round trip for the team and the actor's active membership in it: every team call pays it.
  const [row] = await db
    .select({
      team: { id: teams.id, name: teams.name, product: teams.product, status: teams.status },
      membershipId: memberships.id,
      role: memberships.role,
      licensed: memberships.licensed,
    })
    .from(teams)
    .leftJoin(
      memberships,
      and(
        eq(memberships.teamId, teams.id),
        eq(memberships.accountId, actor.kind === "account" ? actor.accountId : sql`null`),
        eq(memberships.status, "active"),
      ),
    )
    .where(eq(teams.id, teamId));
  const team = row?.team;
  if (!team || team.status === "purged") throw notFound;

  let access: TeamAccess;
  if (actor.kind === "support") {
    if (actor.teamId !== team.id) throw notFound;
    access = { team, membership: null, roles: [], permissions: grantedPermissions({ support: true }, team.product) };
  } else {
    if (!row.membershipId || !row.role || row.licensed === null) throw notFound;
    const membership = { id: row.membershipId, role: row.role, licensed: row.licensed };
    const roles = rolesOf(membership);
    access = { team, membership, roles, permissions: grantedPermissions({ roles }, team.product) };
  }

  const verdict = checkPermission(permission, actor.kind === "support" ? { support: true } : access, team.product);
  if (verdict.allowed) return access;
  if (verdict.reason === "product") throw productLacks(team.product, permission.split(".")[0]!);
  if (actor.kind === "support") throw new DomainError("READ_ONLY", "Support sessions are read-only.");
  throw new DomainError(
    "FORBIDDEN",
    `Your role in ${team.name} does not allow you to ${PERMISSIONS[permission].label}. Ask the team's owner or a team manager.`,
  );
}
