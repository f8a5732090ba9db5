"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { signOut, updateAuthSession } from "@/server/auth/next-auth";
import {
  changePasswordInput,
  deleteAccountInput,
  requestEmailChangeInput,
  updateProfileInput,
} from "@/server/routers/profile";

export const updateProfileAction = formAction(updateProfileInput, async (input, api) => {
  await api.profile.update(input);
  // The language may have changed, and with it every page of the console.
  revalidatePath("/", "layout");
  return done((await getTranslations("profile"))("details.saved"));
});

export const requestEmailChangeAction = formAction(requestEmailChangeInput, async (input, api) => {
  const { newEmail } = await api.profile.requestEmailChange(input);
  revalidatePath("/profile");
  return done((await getTranslations("profile"))("email.linkSent", { newEmail }));
});

export const changePasswordAction = formAction(changePasswordInput, async (input, api) => {
  const { sessionId, sessionsEnded } = await api.profile.changePassword(input);
  // This session was replaced at the change; move the cookie to its successor.
  if (sessionId) await updateAuthSession({ sid: sessionId } as never);
  return done((await getTranslations("profile"))("password.changed", { sessionsEnded }));
});

export const deleteAccountAction = formAction(deleteAccountInput, async (input, api) => {
  await api.profile.deleteAccount(input);
  await signOut({ redirectTo: "/sign-in" });
  return done(null);
});
