"use server";

import { actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export interface ForgotPasswordState {
  sentTo?: string;
  error?: string;
}

export async function forgotPasswordAction(
  _previous: ForgotPasswordState,
  form: FormData,
): Promise<ForgotPasswordState> {
  const email = String(form.get("email") ?? "").trim();
  const result = await actionResult(async () => (await serverApi()).auth.requestPasswordReset({ email }));
  return result.ok ? { sentTo: email } : { error: result.error };
}
