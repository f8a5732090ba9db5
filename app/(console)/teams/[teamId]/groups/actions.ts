"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export interface GroupFormState {
  result?: ActionResult<string>;
}

export async function createGroupAction(
  teamId: string,
  _previous: GroupFormState,
  form: FormData,
): Promise<GroupFormState> {
  const name = String(form.get("name") ?? "");
  const result = await actionResult(async () => (await serverApi()).groups.create({ teamId, name }));
  revalidatePath(`/teams/${teamId}/groups`);
  return { result: result.ok ? { ok: true, value: `Group "${name.trim()}" created.` } : result };
}

export async function renameGroupAction(
  teamId: string,
  groupId: string,
  _previous: GroupFormState,
  form: FormData,
): Promise<GroupFormState> {
  const name = String(form.get("name") ?? "");
  const result = await actionResult(async () => (await serverApi()).groups.rename({ teamId, groupId, name }));
  revalidatePath(`/teams/${teamId}/groups`, "layout");
  return { result: result.ok ? { ok: true, value: `Renamed to "${name.trim()}".` } : result };
}

export async function deleteGroupAction(
  teamId: string,
  groupId: string,
  _previous: GroupFormState,
  form: FormData,
): Promise<GroupFormState> {
  const result = await actionResult(async () =>
    (await serverApi()).groups.delete({ teamId, groupId, confirmCustomApps: form.get("confirmCustomApps") === "on" }),
  );
  revalidatePath(`/teams/${teamId}/groups`, "layout");
  return { result: result.ok ? { ok: true, value: "Group deleted." } : result };
}

export async function removeFromGroupAction(
  teamId: string,
  groupId: string,
  membershipId: string,
): Promise<ActionResult<string>> {
  const result = await actionResult(async () =>
    (await serverApi()).groups.removeMembers({ teamId, groupId, membershipIds: [membershipId] }),
  );
  revalidatePath(`/teams/${teamId}/groups/${groupId}`);
  return result.ok ? { ok: true, value: "Removed from the group." } : result;
}
