"use server";

import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { requestPasswordResetInput } from "@/server/routers/auth";

/** The answer is the same whether or not the address has an account. */
export const forgotPasswordAction = formAction(requestPasswordResetInput, async ({ email }, api) => {
  await api.auth.requestPasswordReset({ email });
  return done((await getTranslations("auth.forgotPassword"))("sent", { email }));
});
