"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export async function answerOwnershipAction(
  teamId: string,
  answer: "accept" | "decline" | "cancel",
): Promise<ActionResult<undefined>> {
  const result = await actionResult(async () => {
    await (await serverApi()).members.answerOwnershipTransfer({ teamId, answer });
    return undefined;
  });
  revalidatePath(`/teams/${teamId}`, "layout");
  return result;
}
