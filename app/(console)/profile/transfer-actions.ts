"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { cancelTransferInput, requestTransferInput } from "@/server/routers/account-transfers";

/** Sends the request; when no approval is needed the person has moved by the time this answers. */
export const requestTransferAction = formAction(requestTransferInput, async (input, api) => {
  const result = await api.accountTransfers.request(input);
  // A completed move changes the teams every console page lists.
  revalidatePath("/", "layout");
  const t = await getTranslations("accountTransfers.profile");
  if (result.status === "pending") return done(t("sent"), result.status);
  const { latest } = await api.accountTransfers.mine();
  const team = latest?.toTeamName ?? "";
  const licence = result.licensedOnArrival === null ? "none" : result.licensedOnArrival ? "taken" : "noSeatFree";
  return done(`${t("moved", { team })} ${t("licence", { licence, team })}`.trim(), result.status);
});

export const cancelTransferAction = formAction(cancelTransferInput, async (input, api) => {
  await api.accountTransfers.cancel(input);
  revalidatePath("/profile");
  return done((await getTranslations("accountTransfers.profile"))("cancelledNotice"));
});
