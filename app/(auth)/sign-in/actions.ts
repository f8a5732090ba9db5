"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { actionResult } from "@/app/_lib/action-result";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { signIn } from "@/server/auth/next-auth";
import { serverApi } from "@/server/caller";

export interface SignInState {
  step: "password" | "code";
  email?: string;
  challenge?: string;
  error?: string;
}

/** Step one checks the password; step two, for accounts with two-step verification, the code. */
export async function signInAction(previous: SignInState, form: FormData): Promise<SignInState> {
  const next = safeLocalPath(form.get("next"));
  if (previous.step === "code" && previous.challenge) {
    try {
      await signIn("credentials", {
        challenge: previous.challenge,
        code: String(form.get("code") ?? ""),
        recoveryCode: String(form.get("recoveryCode") ?? ""),
        redirectTo: next,
      });
      return previous;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if ((error as AuthError & { code?: string }).code === "wrong_code") {
        return {
          ...previous,
          error: "This code is not right, or it was used before. Try the next code from your app.",
        };
      }
      return {
        step: "password",
        email: previous.email,
        error: "Your sign-in took too long or had too many wrong codes. Sign in again.",
      };
    }
  }

  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const api = await serverApi();
  const started = await actionResult(() => api.auth.beginSignIn({ email, password }));
  if (!started.ok) return { step: "password", email, error: started.error };
  if (started.value.status === "unverified") {
    redirect(`/verify?${new URLSearchParams({ email: started.value.email, next, sent: "0" })}`);
  }
  if (started.value.secondStep) return { step: "code", email, challenge: started.value.challengeToken };
  try {
    await signIn("credentials", { challenge: started.value.challengeToken, redirectTo: next });
  } catch (error) {
    if (error instanceof AuthError) return { step: "password", email, error: "Sign-in failed. Try again." };
    throw error;
  }
  return { step: "password" };
}
