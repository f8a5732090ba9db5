"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/app/_lib/form-action";
import { resetPasswordInput } from "@/server/routers/auth";

/** A new password ends every session of the account; the person signs in again with it. */
export const resetPasswordAction = formAction(resetPasswordInput, async (input, api) => {
  await api.auth.resetPassword(input);
  redirect("/sign-in?notice=password-reset");
});
