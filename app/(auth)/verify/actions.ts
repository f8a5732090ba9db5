"use server";

import { AuthError } from "next-auth";
import { actionResult } from "@/app/_lib/action-result";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { signIn } from "@/server/auth/next-auth";
import { serverApi } from "@/server/caller";

export interface VerifyState {
  error?: string;
  notice?: string;
}

/** A right code verifies the address and signs the person in. */
export async function verifyAction(_previous: VerifyState, form: FormData): Promise<VerifyState> {
  const email = String(form.get("email") ?? "").trim();
  const api = await serverApi();
  if (form.get("intent") === "resend") {
    const resent = await actionResult(() => api.auth.resendVerificationCode({ email }));
    return resent.ok ? { notice: `A new code is on its way to ${email}.` } : { error: resent.error };
  }
  const verified = await actionResult(() => api.auth.verifyEmail({ email, code: String(form.get("code") ?? "") }));
  if (!verified.ok) return { error: verified.error };
  try {
    await signIn("credentials", {
      challenge: verified.value.challengeToken,
      redirectTo: safeLocalPath(form.get("next")),
    });
  } catch (error) {
    if (error instanceof AuthError) return { notice: "Your address is verified. Sign in to continue." };
    throw error;
  }
  return {};
}
