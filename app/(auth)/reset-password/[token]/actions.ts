"use server";

import { redirect } from "next/navigation";
import { actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export interface ResetPasswordState {
  error?: string;
}

export async function resetPasswordAction(_previous: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const token = String(form.get("token") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await actionResult(async () => (await serverApi()).auth.resetPassword({ token, password }));
  if (!result.ok) return { error: result.error };
  redirect("/sign-in?notice=password-reset");
}
