"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { done, formAction } from "@/app/_lib/form-action";
import { safeLocalPath } from "@/lib/safe-path";
import { signIn } from "@/server/auth/next-auth";
import { resendVerificationCodeInput, verifyEmailInput } from "@/server/routers/auth";

const next = z.string().optional();

/** The form's two buttons: verify the code (which signs the person in), or send a new one. */
const verifyFormInput = z.discriminatedUnion("intent", [
  verifyEmailInput.extend({ intent: z.literal("verify"), next }),
  resendVerificationCodeInput.extend({ intent: z.literal("resend"), next }),
]);

export const verifyAction = formAction(verifyFormInput, async (input, api) => {
  const t = await getTranslations("auth.verify");
  if (input.intent === "resend") {
    await api.auth.resendVerificationCode({ email: input.email });
    return done(t("resent", { email: input.email }));
  }
  const verified = await api.auth.verifyEmail({ email: input.email, code: input.code });
  try {
    await signIn("credentials", { challenge: verified.challengeToken, redirectTo: safeLocalPath(input.next) });
  } catch (error) {
    if (error instanceof AuthError) return done(t("verifiedSignIn"));
    throw error;
  }
  return done(null);
});
