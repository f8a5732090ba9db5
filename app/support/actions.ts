"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";
import { isProduction } from "@/server/config/env";
import { SUPPORT_SESSION_COOKIE } from "@/server/context";
import { SUPPORT_SESSION_MAX_MS } from "@/server/support/support-sessions";

export interface OpenViewState {
  error?: string;
}

/** Opens the read-only view and carries its id in a cookie of its own. */
export async function openReadOnlyViewAction(_previous: OpenViewState, form: FormData): Promise<OpenViewState> {
  const teamId = String(form.get("teamId") ?? "");
  const opened = await actionResult(async () =>
    (await serverApi()).staffConsole.open({
      teamId,
      reason: String(form.get("reason") ?? ""),
      breakGlass: form.get("breakGlass") === "on",
    }),
  );
  if (!opened.ok) return { error: opened.error };
  (await cookies()).set(SUPPORT_SESSION_COOKIE, opened.value.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: isProduction(),
    path: "/",
    maxAge: SUPPORT_SESSION_MAX_MS / 1000,
  });
  redirect(`/teams/${teamId}/home`);
}

export async function exitReadOnlyViewAction(): Promise<void> {
  await actionResult(async () => (await serverApi()).staffConsole.exit());
  (await cookies()).delete(SUPPORT_SESSION_COOKIE);
  redirect("/support");
}

export async function viewAsAction(form: FormData): Promise<void> {
  const membershipId = String(form.get("membershipId") ?? "") || null;
  const teamId = String(form.get("teamId") ?? "");
  await actionResult(async () => (await serverApi()).staffConsole.viewAs({ membershipId }));
  // The banner and navigation live in the team's layout, which must render again.
  revalidatePath(`/teams/${teamId}`, "layout");
  redirect(`/teams/${teamId}/home`);
}
