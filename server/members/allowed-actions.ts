import type { Permission } from "../permissions";
import type { TeamAccess } from "../teams/team-access";
import { type MemberRole, protectionOf } from "./member-target";

export const MEMBER_ACTIONS = [
  "makeManager",
  "makeMember",
  "addLicence",
  "removeLicence",
  "deactivate",
  "reactivate",
  "remove",
  "transferOwnership",
] as const;

export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/** Who looks at the Users table: their own membership, what they may do and the team's product. */
export interface MemberCaller {
  membershipId: string | null;
  role: MemberRole | null;
  permissions: readonly Permission[];
  fileMaker: boolean;
}

export interface MemberTarget {
  id: string;
  role: MemberRole;
  licensed: boolean;
  status: "invited" | "active" | "deactivated";
  managed: boolean;
}

/** A support session changes nothing, so it may take no action on anyone. */
export function memberCaller(access: TeamAccess): MemberCaller {
  return {
    membershipId: access.support ? null : (access.membership?.id ?? null),
    role: access.support ? null : (access.membership?.role ?? null),
    permissions: access.support ? [] : access.permissions,
    fileMaker: access.team.product === "filemaker_cloud",
  };
}

/**
 * The actions the caller may take on one user, by the same rules each change enforces
 * (member-target.ts and the change itself), so the page offers exactly what would succeed.
 */
export function allowedMemberActions(caller: MemberCaller, target: MemberTarget): MemberAction[] {
  const actions: MemberAction[] = [];
  const self = caller.membershipId === target.id;
  if (caller.role && caller.permissions.includes("members.update")) {
    const inReach = protectionOf(target, caller.role, self) === null;
    if (inReach) actions.push(target.role === "member" ? "makeManager" : "makeMember");
    if (caller.fileMaker && protectionOf(target, caller.role, self, true) === null)
      actions.push(target.licensed ? "removeLicence" : "addLicence");
    if (inReach && target.managed && target.status === "deactivated") actions.push("reactivate");
    else if (inReach && target.managed && !self) actions.push("deactivate");
    if (inReach && !target.managed && !self) actions.push("remove");
  }
  if (caller.role === "owner" && caller.permissions.includes("ownership.transfer")) {
    if (target.role !== "owner" && target.status === "active") actions.push("transferOwnership");
  }
  return actions;
}

/** A page of the team's users, each with the actions the caller may take on them. */
export function withAllowedActions<Member extends MemberTarget>(
  page: { members: Member[]; next: string | null; previous: string | null },
  caller: MemberCaller,
) {
  return {
    ...page,
    members: page.members.map((member) => ({ ...member, allowedActions: allowedMemberActions(caller, member) })),
  };
}
