"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { done, formAction } from "@/app/_lib/form-action";
import { safeLocalPath } from "@/lib/safe-path";
import { signIn } from "@/server/auth/next-auth";
import { beginSignInInput, ssoProvidersInput } from "@/server/routers/auth";
import type { SsoChoice } from "@/server/sso/sign-in/sso-providers-for-email";

export type { SsoChoice };

/** What the second step of a sign-in needs: the challenge the password step issued. */
export interface SecondStep {
  email: string;
  challenge: string;
}

const next = z.string().optional();

/** A refusal of the sign-in that marks the field at fault, as a refused form field would be. */
function refusal(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}

/** Step one checks the password; accounts with two-step verification go on to the second step. */
export const signInAction = formAction(beginSignInInput.extend({ next }), async (input, api) => {
  const started = await api.auth.beginSignIn({ email: input.email, password: input.password });
  const to = safeLocalPath(input.next);
  if (started.status === "unverified") {
    redirect(`/verify?${new URLSearchParams({ email: started.email, next: to, sent: "0" })}`);
  }
  if (started.secondStep) {
    return done<SecondStep | null>(null, { email: input.email, challenge: started.challengeToken });
  }
  try {
    await signIn("credentials", { challenge: started.challengeToken, redirectTo: to });
  } catch (error) {
    if (error instanceof AuthError) throw refusal("form", (await getTranslations("auth.signIn"))("failed"));
    throw error;
  }
  return done<SecondStep | null>(null, null);
});

/** Sign in with SSO: the providers of the address's domain, for the browser to go to (one) or choose from (several). */
export const ssoSignInAction = formAction(ssoProvidersInput, async (input, api) => {
  const { providers } = await api.auth.ssoProviders({ email: input.email });
  return done<SsoChoice[]>(null, providers);
});

const secondStepInput = z.object({
  challenge: z.string().min(1).max(200),
  code: z.string().max(20).optional(),
  recoveryCode: z.string().max(40).optional(),
  next,
});

/**
 * Step two checks the authentication or recovery code. A wrong code may be retried; a challenge
 * that expired or had too many wrong codes is refused on the `challenge` field, so the form
 * starts again at the password.
 */
export const secondStepAction = formAction(secondStepInput, async (input) => {
  try {
    await signIn("credentials", {
      challenge: input.challenge,
      code: input.code ?? "",
      recoveryCode: input.recoveryCode ?? "",
      redirectTo: safeLocalPath(input.next),
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const t = await getTranslations("auth.secondStep");
    if ((error as AuthError & { code?: string }).code === "wrong_code") {
      throw refusal(input.recoveryCode === undefined ? "code" : "recoveryCode", t("wrongCode"));
    }
    throw refusal("challenge", t("startAgain"));
  }
  return done(null);
});
