"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionState, done, formAction } from "@/app/_lib/form-action";
import { updateAuthSession } from "@/server/auth/next-auth";
import {
  confirmTotpInput,
  disableTotpInput,
  endSessionInput,
  regenerateRecoveryCodesInput,
  startTotpInput,
} from "@/server/routers/security";

/** Turning two-step verification on, first step: the password again, then the app's QR code and setup key. */
export const startTwoStepAction = formAction(startTotpInput, async (input, api) =>
  done(null, await api.security.startTotp(input)),
);

/** Second step: the app's code turns it on, and the recovery codes are shown once. */
export const confirmTwoStepAction = formAction(confirmTotpInput, async (input, api) => {
  const { sessionId, recoveryCodes } = await api.security.confirmTotp(input);
  // The session was replaced at this privilege change; move the cookie to its successor.
  if (sessionId) await updateAuthSession({ sid: sessionId } as never);
  revalidatePath("/profile/security");
  return done((await getTranslations("profile.security"))("twoStep.turnedOn"), recoveryCodes);
});

export const disableTwoStepAction = formAction(disableTotpInput, async (input, api) => {
  await api.security.disableTotp(input);
  revalidatePath("/profile/security");
  return done((await getTranslations("profile.security"))("twoStep.turnedOff"));
});

export const newRecoveryCodesAction = formAction(regenerateRecoveryCodesInput, async (input, api) => {
  const recoveryCodes = await api.security.regenerateRecoveryCodes(input);
  revalidatePath("/profile/security");
  return done(null, recoveryCodes);
});

export const endSessionAction = formAction(endSessionInput, async (input, api) => {
  await api.security.endSession(input);
  revalidatePath("/profile/security");
  return done(null);
});

export async function endOtherSessionsAction() {
  return actionState(async (api) => {
    await api.security.endOtherSessions();
    revalidatePath("/profile/security");
    return done(null);
  });
}
