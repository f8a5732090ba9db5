"use server";

import { redirect } from "next/navigation";
import { actionState } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";

/** The invitation's token, bound by the page: joining opens the team's home. */
export async function acceptInvitationAction(token: string, _previous: FormState): Promise<FormState> {
  return actionState(async (api) => {
    const { teamId } = await api.invitations.accept({ token });
    redirect(`/teams/${teamId}/home`);
  });
}
