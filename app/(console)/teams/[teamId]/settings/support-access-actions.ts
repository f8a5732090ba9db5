"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export async function grantSupportAccessAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const teamId = String(form.get("teamId") ?? "");
  const result = await actionResult(async () =>
    (await serverApi()).supportAccess.grant({
      teamId,
      hours: Number(form.get("hours")),
      note: String(form.get("note") ?? "") || undefined,
    }),
  );
  if (result.ok) revalidatePath(`/teams/${teamId}/settings`);
  return result.ok ? { ok: true, value: undefined } : result;
}

export async function revokeSupportAccessAction(form: FormData): Promise<void> {
  const teamId = String(form.get("teamId") ?? "");
  await actionResult(async () =>
    (await serverApi()).supportAccess.revoke({ teamId, grantId: String(form.get("grantId") ?? "") }),
  );
  revalidatePath(`/teams/${teamId}/settings`);
}
