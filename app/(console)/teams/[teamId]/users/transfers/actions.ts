"use server";

import { getTranslations } from "next-intl/server";
import { actionState, done } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";

/**
 * A manager allows or denies a request for their team. The page is not reloaded: the row keeps
 * what became of the answer in place of its buttons, where the manager is looking.
 */
export async function answerTransferAction(
  teamId: string,
  transferId: string,
  answer: "allow" | "deny",
): Promise<FormState> {
  return actionState(async (api) => {
    const { status } = await api.accountTransfers.answer({ teamId, transferId, answer });
    const t = await getTranslations("accountTransfers.requests");
    return done(answer === "deny" ? t("deniedNotice") : t("allowedNotice", { status }));
  });
}
