import { z } from "zod";
import { endAccountSession, endOtherAccountSessions, listAccountSessions } from "../auth/account-sessions";
import { securityStatus } from "../auth/security-status";
import {
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "../auth/two-step-verification";
import { accountProcedure, router } from "../trpc";

// A form leaves an empty field out: a missing field gets the message of an empty one.
const password = z.string("Type your current password.").min(1, "Type your current password.").max(1024);
const code = z
  .string("The authentication code has six digits.")
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, "The authentication code has six digits.");

export const startTotpInput = z.object({ password });
export const confirmTotpInput = z.object({ code });
export const disableTotpInput = z.object({ password, code });
export const regenerateRecoveryCodesInput = z.object({ password });
export const endSessionInput = z.object({ sessionId: z.uuid() });

/** The account's own sign-in security: two-step verification, recovery codes, sessions. */
export const securityRouter = router({
  status: accountProcedure.query(({ ctx }) => securityStatus(ctx.db, ctx.actor.accountId)),
  sessions: accountProcedure.query(({ ctx }) => listAccountSessions(ctx.db, ctx)),
  startTotp: accountProcedure
    .input(startTotpInput)
    .mutation(({ ctx, input }) => startTotpEnrolment(ctx.db, ctx, input.password)),
  confirmTotp: accountProcedure
    .input(confirmTotpInput)
    .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx.db, ctx, input.code)),
  disableTotp: accountProcedure.input(disableTotpInput).mutation(({ ctx, input }) => disableTotp(ctx.db, ctx, input)),
  regenerateRecoveryCodes: accountProcedure
    .input(regenerateRecoveryCodesInput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, ctx, input.password)),
  endSession: accountProcedure
    .input(endSessionInput)
    .mutation(({ ctx, input }) => endAccountSession(ctx.db, ctx, input.sessionId)),
  endOtherSessions: accountProcedure.mutation(({ ctx }) => endOtherAccountSessions(ctx.db, ctx)),
});
