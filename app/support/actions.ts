"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { actionState, formAction } from "@/app/_lib/form-action";
import { isProduction } from "@/server/config/env";
import { SUPPORT_SESSION_COOKIE } from "@/server/context";
import { openSupportViewInput } from "@/server/routers/staff-console";
import { SUPPORT_SESSION_MAX_MS } from "@/server/support/support-sessions";

/** Opens the read-only view and carries its id in a cookie of its own. */
export const openReadOnlyViewAction = formAction(openSupportViewInput, async (input, api) => {
  const opened = await api.staffConsole.open(input);
  (await cookies()).set(SUPPORT_SESSION_COOKIE, opened.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction(),
    path: "/",
    maxAge: SUPPORT_SESSION_MAX_MS / 1000,
  });
  redirect(`/teams/${input.teamId}/home`);
});

export async function exitReadOnlyViewAction() {
  return actionState(async (api) => {
    await api.staffConsole.exit();
    (await cookies()).delete(SUPPORT_SESSION_COOKIE);
    redirect("/support");
  });
}

/** Looks at the team as one of its members, or as support again when `membershipId` is null. */
export async function viewAsAction(teamId: string, membershipId: string | null) {
  return actionState(async (api) => {
    await api.staffConsole.viewAs({ membershipId });
    // The banner and navigation live in the team's layout, which must render again.
    revalidatePath(`/teams/${teamId}`, "layout");
    redirect(`/teams/${teamId}/home`);
  });
}
