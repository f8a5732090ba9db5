"use server";

import { revalidatePath } from "next/cache";
import { actionResult } from "@/app/_lib/action-result";
import type { ProfileLanguage } from "@/server/accounts/update-profile";
import { signOut, updateAuthSession } from "@/server/auth/next-auth";
import { serverApi } from "@/server/caller";

export interface ProfileFormState {
  error?: string;
  notice?: string;
}

export interface PersonalDetailsState extends ProfileFormState {
  /** What was typed, so a refused form keeps it. */
  values?: { name: string; phone: string; language: string };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function updateProfileAction(
  _previous: PersonalDetailsState,
  form: FormData,
): Promise<PersonalDetailsState> {
  const values = { name: text(form, "name"), phone: text(form, "phone"), language: text(form, "language") };
  // The procedure's own validation refuses a language outside the list.
  const result = await actionResult(async () =>
    (await serverApi()).profile.update({ ...values, language: values.language as ProfileLanguage }),
  );
  if (!result.ok) return { error: result.error, values };
  revalidatePath("/profile", "layout");
  return { notice: "Your profile is saved." };
}

export async function requestEmailChangeAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const result = await actionResult(async () =>
    (await serverApi()).profile.requestEmailChange({
      newEmail: text(form, "newEmail"),
      password: text(form, "password"),
    }),
  );
  if (!result.ok) return { error: result.error };
  revalidatePath("/profile");
  return {
    notice: `We sent a confirmation link to ${result.value.newEmail}. Open it within 24 hours to switch; until then, sign in with your current address.`,
  };
}

export async function changePasswordAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const result = await actionResult(async () =>
    (await serverApi()).profile.changePassword({
      currentPassword: text(form, "currentPassword"),
      newPassword: text(form, "newPassword"),
    }),
  );
  if (!result.ok) return { error: result.error };
  // This session was replaced at the change; move the cookie to its successor.
  if (result.value.sessionId) await updateAuthSession({ sid: result.value.sessionId } as never);
  const { sessionsEnded } = result.value;
  return {
    notice: `Your password is changed.${sessionsEnded ? ` ${sessionsEnded === 1 ? "1 other session was" : `${sessionsEnded} other sessions were`} signed out.` : ""}`,
  };
}

export async function deleteAccountAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const result = await actionResult(async () =>
    (await serverApi()).profile.deleteAccount({ password: text(form, "password") }),
  );
  if (!result.ok) return { error: result.error };
  await signOut({ redirectTo: "/sign-in" });
  return {};
}
