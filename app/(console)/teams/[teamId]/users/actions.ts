"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export type MemberActionName =
  | "makeManager"
  | "makeMember"
  | "addLicence"
  | "removeLicence"
  | "deactivate"
  | "reactivate"
  | "remove"
  | "transferOwnership";

const DONE: Record<MemberActionName, (email: string) => string> = {
  makeManager: (email) => `${email} is now a team manager.`,
  makeMember: (email) => `${email} is now a member.`,
  addLicence: (email) => `${email} now has a licence.`,
  removeLicence: (email) => `${email} no longer has a licence.`,
  deactivate: (email) => `${email} is deactivated and signed out everywhere.`,
  reactivate: (email) => `${email} is active again.`,
  remove: (email) => `${email} was removed from the team.`,
  transferOwnership: (email) => `Ownership was offered to ${email}; it moves when they accept.`,
};

export async function memberAction(
  teamId: string,
  membershipId: string,
  email: string,
  action: MemberActionName,
): Promise<ActionResult<string>> {
  const result = await actionResult(async () => {
    const { members } = await serverApi();
    const target = { teamId, membershipId };
    switch (action) {
      case "makeManager":
        return members.changeRole({ ...target, role: "manager" });
      case "makeMember":
        return members.changeRole({ ...target, role: "member" });
      case "addLicence":
        return members.setLicence({ ...target, licensed: true });
      case "removeLicence":
        return members.setLicence({ ...target, licensed: false });
      case "deactivate":
        return members.deactivate(target);
      case "reactivate":
        return members.reactivate(target);
      case "remove":
        return members.remove(target);
      case "transferOwnership":
        return members.transferOwnership(target);
    }
  });
  revalidatePath(`/teams/${teamId}`, "layout");
  return result.ok ? { ok: true, value: DONE[action](email) } : result;
}

export interface FormState {
  result?: ActionResult<string>;
}

/** Addresses separated by commas, semicolons, spaces or lines. */
function addressesOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export async function inviteAction(teamId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const emails = addressesOf(String(form.get("emails") ?? ""));
  const result = await actionResult(async () =>
    (await serverApi()).invitations.invite({
      teamId,
      emails,
      role: form.get("role") === "manager" ? "manager" : "member",
      licensed: form.get("licensed") === "on",
      groupIds: form.getAll("groupIds").map(String),
    }),
  );
  revalidatePath(`/teams/${teamId}/users`);
  if (!result.ok) return { result };
  const n = result.value.invited.length;
  return {
    result: {
      ok: true,
      value: `Invitation${n === 1 ? "" : "s"} sent to ${result.value.invited.map((i) => i.email).join(", ")}.`,
    },
  };
}

export async function invitationAction(
  teamId: string,
  invitationId: string,
  action: "resend" | "revoke",
): Promise<ActionResult<string>> {
  const result = await actionResult(async () => (await serverApi()).invitations[action]({ teamId, invitationId }));
  revalidatePath(`/teams/${teamId}/users`);
  return result.ok
    ? { ok: true, value: action === "resend" ? "A new link was mailed." : "The invitation was revoked." }
    : result;
}

export async function groupMembersAction(teamId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const groupId = String(form.get("groupId") ?? "");
  const membershipIds = form.getAll("membershipIds").map(String);
  const add = form.get("intent") !== "remove";
  if (!groupId) return { result: { ok: false, error: "Choose a group first." } };
  if (membershipIds.length === 0) return { result: { ok: false, error: "Select at least one user in the table." } };
  const result = await actionResult(async () => {
    const { groups } = await serverApi();
    return add
      ? (await groups.addMembers({ teamId, groupId, membershipIds })).added
      : (await groups.removeMembers({ teamId, groupId, membershipIds })).removed;
  });
  revalidatePath(`/teams/${teamId}`, "layout");
  if (!result.ok) return { result };
  const n = result.value;
  return {
    result: { ok: true, value: `${n} user${n === 1 ? "" : "s"} ${add ? "added to" : "removed from"} the group.` },
  };
}
