"use server";

import { redirect } from "next/navigation";
import { actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export interface AcceptState {
  error?: string;
}

export async function acceptInvitationAction(token: string, _previous: AcceptState): Promise<AcceptState> {
  const result = await actionResult(async () => (await serverApi()).invitations.accept({ token }));
  if (!result.ok) return { error: result.error };
  redirect(`/teams/${result.value.teamId}/home`);
}
