import { z } from "zod";
import { answerAccountTransfer } from "../account-transfers/answer-transfer";
import { cancelAccountTransfer } from "../account-transfers/cancel-transfer";
import { myAccountTransfers, teamAccountTransfers } from "../account-transfers/list-transfers";
import { requestAccountTransfer } from "../account-transfers/request-transfer";
import { DENY_REASON_MAX } from "../account-transfers/transfer-rules";
import { accountProcedure, router, teamProcedure } from "../trpc";

// Team IDs are checked by the domain, which says what is wrong with one in words a person can act on.
export const requestTransferInput = z.object({
  fromTeamId: z.string().max(100).default(""),
  toTeamId: z.string().max(200).default(""),
});
export const cancelTransferInput = z.object({ transferId: z.uuid() });
export const answerTransferInput = z.object({
  transferId: z.uuid(),
  answer: z.enum(["allow", "deny"]),
  reason: z.string().max(DENY_REASON_MAX, "Keep the reason under 500 characters.").default(""),
});

/** A person moving their account to another team, and the managers who allow or deny it. */
export const accountTransfersRouter = router({
  mine: accountProcedure.query(({ ctx }) => myAccountTransfers(ctx.db, ctx.actor.accountId, ctx.clock.now())),
  request: accountProcedure
    .input(requestTransferInput)
    .mutation(({ ctx, input }) => requestAccountTransfer(ctx.db, ctx, input)),
  cancel: accountProcedure
    .input(cancelTransferInput)
    .mutation(({ ctx, input }) => cancelAccountTransfer(ctx.db, ctx, input)),
  waiting: teamProcedure("transfers.read").query(({ ctx }) =>
    teamAccountTransfers(ctx.db, ctx.access.team.id, ctx.clock.now()),
  ),
  answer: teamProcedure("transfers.answer")
    .input(answerTransferInput)
    .mutation(({ ctx, input }) => answerAccountTransfer(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
