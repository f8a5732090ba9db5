"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export async function updateSecuritySettingsAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const teamId = String(form.get("teamId") ?? "");
  const minutes = String(form.get("sessionIdleMinutes") ?? "").trim();
  const result = await actionResult(async () =>
    (await serverApi()).settings.updateSecurity({
      teamId,
      mfaRequired: form.get("mfaRequired") === "on",
      sessionIdleMinutes: minutes === "" ? Number.NaN : Number(minutes),
      allowedInviteDomains: String(form.get("allowedInviteDomains") ?? ""),
    }),
  );
  if (result.ok) revalidatePath(`/teams/${teamId}/settings`);
  return result.ok ? { ok: true, value: undefined } : result;
}

export async function updateRetentionSettingsAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const teamId = String(form.get("teamId") ?? "");
  const days = String(form.get("departedUserRetentionDays") ?? "").trim();
  const result = await actionResult(async () =>
    (await serverApi()).settings.updateRetention({
      teamId,
      departedUserRetentionDays: days === "" ? Number.NaN : Number(days),
    }),
  );
  if (result.ok) revalidatePath(`/teams/${teamId}/settings`);
  return result.ok ? { ok: true, value: undefined } : result;
}
