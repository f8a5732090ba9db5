"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import { serverApi } from "@/server/caller";
import { updateSecurityInput } from "@/server/routers/settings";
import { teamInput } from "@/server/trpc";

export const updateSecuritySettingsAction = formAction(
  teamInput.extend(updateSecurityInput.shape).extend({ mfaRequired: checkbox }),
  async (input, api) => {
    await api.settings.updateSecurity(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("settings"))("security.saved"));
  },
);

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
