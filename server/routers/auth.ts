import { z } from "zod";
import { requestPasswordReset, resetPassword } from "../accounts/password-reset";
import { signUp } from "../accounts/sign-up";
import { resendVerificationCode, verifyEmail } from "../accounts/verify-email";
import { beginSignIn } from "../auth/begin-sign-in";
import { publicProcedure, router } from "../trpc";

const email = z.email({ message: "Enter an email address like name@example.com." }).max(320);
// Length rules live in the password policy, so its messages are the ones people see.
const password = z.string().max(1024);

/** Signing in and getting into an account: open to anyone. */
export const authRouter = router({
  beginSignIn: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(1, "Enter your email.").max(320),
        password: z.string().min(1, "Enter your password.").max(1024),
      }),
    )
    .mutation(({ ctx, input }) => beginSignIn(ctx.db, ctx, input)),
  signUp: publicProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Enter your name.").max(200),
        email,
        password,
        invitationToken: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => signUp(ctx.db, ctx, input)),
  verifyEmail: publicProcedure
    .input(
      z.object({
        email,
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "The code has six digits."),
      }),
    )
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, ctx, input)),
  resendVerificationCode: publicProcedure
    .input(z.object({ email }))
    .mutation(({ ctx, input }) => resendVerificationCode(ctx.db, ctx, input.email)),
  requestPasswordReset: publicProcedure
    .input(z.object({ email }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, ctx, input.email)),
  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), password }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx, input)),
});
