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

const password = z.string().min(1, "Type your current password.").max(1024);
const code = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, "The authentication code has six digits.");

/** The account's own sign-in security: two-step verification, recovery codes, sessions. */
export const securityRouter = router({
  status: accountProcedure.query(({ ctx }) => securityStatus(ctx.db, ctx.actor.accountId)),
  sessions: accountProcedure.query(({ ctx }) => listAccountSessions(ctx.db, ctx)),
  startTotp: accountProcedure
    .input(z.object({ password }))
    .mutation(({ ctx, input }) => startTotpEnrolment(ctx.db, ctx, input.password)),
  confirmTotp: accountProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx.db, ctx, input.code)),
  disableTotp: accountProcedure
    .input(z.object({ password, code }))
    .mutation(({ ctx, input }) => disableTotp(ctx.db, ctx, input)),
  regenerateRecoveryCodes: accountProcedure
    .input(z.object({ password }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, ctx, input.password)),
  endSession: accountProcedure
    .input(z.object({ sessionId: z.uuid() }))
    .mutation(({ ctx, input }) => endAccountSession(ctx.db, ctx, input.sessionId)),
  endOtherSessions: accountProcedure.mutation(({ ctx }) => endOtherAccountSessions(ctx.db, ctx)),
});
