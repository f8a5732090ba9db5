import { z } from "zod";
import {
  activeSupportGrants,
  GRANT_MAX_HOURS,
  GRANT_MIN_HOURS,
  grantSupportAccess,
  revokeSupportGrant,
} from "../support/support-grants";
import { router, teamProcedure } from "../trpc";

export const grantSupportAccessInput = z.object({
  hours: z
    .number()
    .int()
    .min(GRANT_MIN_HOURS, "Support access lasts at least 1 hour.")
    .max(GRANT_MAX_HOURS, "Support access lasts at most 7 days."),
  note: z.string().max(500, "Keep the note under 500 characters.").optional(),
});

export const revokeSupportAccessInput = z.object({ grantId: z.uuid() });

/** The team's side of support: consent, given and taken back by its owner and managers. */
export const supportAccessRouter = router({
  list: teamProcedure("support.read").query(({ ctx }) =>
    activeSupportGrants(ctx.db, ctx.access.team.id, ctx.clock.now()),
  ),
  grant: teamProcedure("support.grant")
    .input(grantSupportAccessInput)
    .mutation(({ ctx, input }) => grantSupportAccess(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  revoke: teamProcedure("support.grant")
    .input(revokeSupportAccessInput)
    .mutation(({ ctx, input }) =>
      revokeSupportGrant(ctx.db, ctx, { teamId: ctx.access.team.id, grantId: input.grantId }),
    ),
});
