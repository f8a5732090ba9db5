"use server";

import { revalidatePath } from "next/cache";
import { actionState, done } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";

/** The member offered the team's ownership accepts or declines it; the owner who offered it withdraws it. */
export async function answerOwnershipAction(
  teamId: string,
  answer: "accept" | "decline" | "cancel",
): Promise<FormState> {
  return actionState(async (api) => {
    await api.members.answerOwnershipTransfer({ teamId, answer });
    revalidatePath(`/teams/${teamId}`, "layout");
    return done(null);
  });
}
