import { z } from "zod";
import { profileForEditing } from "../accounts/account-profile";
import { confirmEmailChange, requestEmailChange } from "../accounts/change-email";
import { changePassword } from "../accounts/change-password";
import { deleteAccount } from "../accounts/delete-account";
import { exportAccountData } from "../accounts/export-account-data";
import { PROFILE_LANGUAGE_CODES, setAccountLanguage, updateProfile } from "../accounts/update-profile";
import { accountProcedure, publicProcedure, router } from "../trpc";

const currentPassword = z.string().min(1, "Type your current password.").max(1024);

/** The account's own profile, email, password and personal data. */
export const profileRouter = router({
  get: accountProcedure.query(({ ctx }) => profileForEditing(ctx.db, ctx)),
  update: accountProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Type your name.").max(200, "Use at most 200 characters for your name."),
        phone: z.string().max(40, "A phone number has at most 15 digits."),
        language: z.enum(PROFILE_LANGUAGE_CODES, "Choose one of the offered languages."),
      }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx, input)),
  setLanguage: accountProcedure
    .input(z.object({ language: z.enum(PROFILE_LANGUAGE_CODES, "Choose one of the offered languages.") }))
    .mutation(({ ctx, input }) => setAccountLanguage(ctx.db, ctx, input.language)),
  requestEmailChange: accountProcedure
    .input(
      z.object({
        newEmail: z.string().max(320, "An email address has at most 320 characters."),
        password: currentPassword,
      }),
    )
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx, input)),
  // Public: the link may be opened in a browser where nobody is signed in; the token names the account.
  confirmEmailChange: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, ctx, input.token)),
  changePassword: accountProcedure
    .input(z.object({ currentPassword, newPassword: z.string().max(1024, "Use at most 128 characters.") }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx, input)),
  exportData: accountProcedure.mutation(({ ctx }) => exportAccountData(ctx.db, ctx)),
  deleteAccount: accountProcedure
    .input(z.object({ password: currentPassword }))
    .mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx, input)),
});
