"use server";

import { actionResult } from "@/app/_lib/action-result";
import { serverApi } from "@/server/caller";

export interface ConfirmEmailState {
  error?: string;
  email?: string;
}

export async function confirmEmailAction(_previous: ConfirmEmailState, form: FormData): Promise<ConfirmEmailState> {
  const token = String(form.get("token") ?? "");
  const result = await actionResult(async () => (await serverApi()).profile.confirmEmailChange({ token }));
  return result.ok ? { email: result.value.email } : { error: result.error };
}
