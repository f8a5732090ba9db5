import { z } from "zod";
import { requestPasswordReset, resetPassword } from "../accounts/password-reset";
import { signUp } from "../accounts/sign-up";
import { resendVerificationCode, verifyEmail } from "../accounts/verify-email";
import { beginSignIn } from "../auth/begin-sign-in";
import { ssoProvidersForEmail } from "../sso/sign-in/sso-providers-for-email";
import { publicProcedure, router } from "../trpc";

const EMAIL_EXAMPLE = "Enter an email address like name@example.com.";
const email = z
  .string({ error: EMAIL_EXAMPLE })
  .trim()
  .pipe(z.email({ error: EMAIL_EXAMPLE }).max(320));
// Length rules live in the password policy, so its messages are the ones people see; an empty
// form field arrives as nothing, and the policy says what a password needs.
const password = z.string().max(1024).default("");

export const beginSignInInput = z.object({
  email: z.string({ error: "Enter your email." }).trim().min(1, "Enter your email.").max(320),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});
export const signUpInput = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(200),
  email,
  password,
  invitationToken: z.string().max(200).optional(),
});
export const verifyEmailInput = z.object({
  email,
  code: z
    .string({ error: "The code has six digits." })
    .trim()
    .regex(/^\d{6}$/, "The code has six digits."),
});
export const resendVerificationCodeInput = z.object({ email });
export const requestPasswordResetInput = z.object({ email });
export const ssoProvidersInput = z.object({ email });
export const resetPasswordInput = z.object({ token: z.string().min(1).max(200), password });

/** Signing in and getting into an account: open to anyone. */
export const authRouter = router({
  beginSignIn: publicProcedure.input(beginSignInInput).mutation(({ ctx, input }) => beginSignIn(ctx.db, ctx, input)),
  /** A mutation: every look-up spends from the client's budget. */
  ssoProviders: publicProcedure
    .input(ssoProvidersInput)
    .mutation(({ ctx, input }) => ssoProvidersForEmail(ctx.db, ctx, input.email)),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, ctx, input)),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ ctx, input }) => verifyEmail(ctx.db, ctx, input)),
  resendVerificationCode: publicProcedure
    .input(resendVerificationCodeInput)
    .mutation(({ ctx, input }) => resendVerificationCode(ctx.db, ctx, input.email)),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, ctx, input.email)),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx, input)),
});
