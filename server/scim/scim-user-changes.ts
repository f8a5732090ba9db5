import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { deactivateMembership } from "../members/deactivate-membership";
import { reactivateMembership } from "../members/reactivate-membership";
import { removeMembership } from "../members/remove-membership";
import { renameManagedAccount } from "./rename-managed-account";
import { ScimError } from "./scim-errors";
import { type UserChanges, wantedName } from "./scim-user-input";
import { nameParts, type ScimUser } from "./scim-users";

/**
 * Makes the user what the directory says, through the console's own changes: the owner is
 * never deactivated or removed (those refuse it), the address is never changed here.
 * Returns false when the user is gone from the team afterwards.
 */
export async function applyUserChanges(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  user: ScimUser,
  changes: UserChanges,
): Promise<boolean> {
  if (changes.userName !== undefined && changes.userName.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new ScimError(
      400,
      `userName is the person's Claris ID address (${user.email}); only they can change it, in their profile.`,
      "mutability",
    );
  }
  if (user.kind === "invitation") {
    if (changes.active === false) {
      await revokeInvitation(db, ctx, { teamId, invitationId: user.recordId });
      return false;
    }
    return true;
  }
  const name = wantedName(changes, nameParts(user.name));
  if (name && user.managed) await renameManagedAccount(db, ctx, { teamId, membershipId: user.recordId, name });
  if (changes.active === true && user.status === "deactivated") {
    await reactivateMembership(db, ctx, { teamId, membershipId: user.recordId });
  }
  if (changes.active === false && user.status !== "deactivated") return !(await endAccess(db, ctx, teamId, user));
  return true;
}

/** DELETE: a pending invitation is revoked; a member loses their access. */
export async function deleteScimUser(db: Queryable, ctx: DomainContext, teamId: string, user: ScimUser): Promise<void> {
  if (user.kind === "invitation") await revokeInvitation(db, ctx, { teamId, invitationId: user.recordId });
  else await endAccess(db, ctx, teamId, user);
}

/**
 * The strongest step the console allows on each kind of account: a managed account is
 * deactivated (its sessions end, its seat is freed, the team keeps the account); an external
 * one leaves the team. True when the membership is gone.
 */
async function endAccess(db: Queryable, ctx: DomainContext, teamId: string, user: ScimUser): Promise<boolean> {
  if (user.managed) {
    await deactivateMembership(db, ctx, { teamId, membershipId: user.recordId });
    return false;
  }
  await removeMembership(db, ctx, { teamId, membershipId: user.recordId });
  return true;
}
