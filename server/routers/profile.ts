import { z } from "zod";
import { profileForEditing } from "../accounts/account-profile";
import { confirmEmailChange, requestEmailChange } from "../accounts/change-email";
import { changePassword } from "../accounts/change-password";
import { deleteAccount } from "../accounts/delete-account";
import { exportAccountData } from "../accounts/export-account-data";
import { PROFILE_LANGUAGE_CODES, setAccountLanguage, updateProfile } from "../accounts/update-profile";
import { accountProcedure, publicProcedure, router } from "../trpc";

// A form leaves an empty field out: a missing required text gets the message of an empty one, an optional one is "".
const currentPassword = z.string("Type your current password.").min(1, "Type your current password.").max(1024);
const language = z.enum(PROFILE_LANGUAGE_CODES, "Choose one of the offered languages.");

export const updateProfileInput = z.object({
  name: z
    .string("Type your name.")
    .trim()
    .min(1, "Type your name.")
    .max(200, "Use at most 200 characters for your name."),
  phone: z.string().max(40, "A phone number has at most 15 digits.").default(""),
  language,
});
export const setLanguageInput = z.object({ language });
export const requestEmailChangeInput = z.object({
  newEmail: z.string().max(320, "An email address has at most 320 characters.").default(""),
  password: currentPassword,
});
export const confirmEmailChangeInput = z.object({ token: z.string().min(1).max(200) });
export const changePasswordInput = z.object({
  currentPassword,
  newPassword: z.string().max(1024, "Use at most 128 characters.").default(""),
});
/** The password, or for an account of an identity provider (which has none) its address typed again. */
export const deleteAccountInput = z.object({
  password: z.string().max(1024).default(""),
  confirmEmail: z.string().max(320).default(""),
});

/** The account's own profile, email, password and personal data. */
export const profileRouter = router({
  get: accountProcedure.query(({ ctx }) => profileForEditing(ctx.db, ctx)),
  update: accountProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx, input)),
  setLanguage: accountProcedure
    .input(setLanguageInput)
    .mutation(({ ctx, input }) => setAccountLanguage(ctx.db, ctx, input.language)),
  requestEmailChange: accountProcedure
    .input(requestEmailChangeInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx, input)),
  // Public: the link may be opened in a browser where nobody is signed in; the token names the account.
  confirmEmailChange: publicProcedure
    .input(confirmEmailChangeInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, ctx, input.token)),
  changePassword: accountProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx, input)),
  exportData: accountProcedure.mutation(({ ctx }) => exportAccountData(ctx.db, ctx)),
  deleteAccount: accountProcedure
    .input(deleteAccountInput)
    .mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx, input)),
});
