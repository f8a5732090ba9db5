import { z } from "zod";
import { DomainError } from "../errors";
import { searchTeams } from "../support/search-teams";
import { endSupportSession, openSupportSession, openSupportSessionOf, viewAsMember } from "../support/support-sessions";
import { router, staffProcedure } from "../trpc";

export const searchTeamsInput = z.object({ query: z.string().max(320) });
export const openSupportViewInput = z.object({
  teamId: z.uuid(),
  reason: z
    .string("Give a reason or a ticket reference.")
    .trim()
    .min(3, "Give a reason or a ticket reference.")
    .max(1000),
  breakGlass: z.boolean().default(false),
});
export const viewAsInput = z.object({ membershipId: z.uuid().nullable() });

/** The staff console: find a team, open it read-only, look as one of its members, leave. */
export const staffConsoleRouter = router({
  me: staffProcedure.query(({ ctx }) => ({ email: ctx.actor.email, role: ctx.staff.role })),
  searchTeams: staffProcedure
    .input(searchTeamsInput)
    .query(({ ctx, input }) => searchTeams(ctx.db, input.query, ctx.clock.now())),
  current: staffProcedure.query(({ ctx }) =>
    ctx.supportSessionId ? openSupportSessionOf(ctx.db, ctx.staff.id, ctx.supportSessionId, ctx.clock.now()) : null,
  ),
  open: staffProcedure
    .input(openSupportViewInput)
    .mutation(({ ctx, input }) =>
      openSupportSession(
        ctx.db,
        ctx,
        { id: ctx.staff.id, role: ctx.staff.role, accountId: ctx.actor.accountId, email: ctx.actor.email },
        input,
      ),
    ),
  exit: staffProcedure.mutation(async ({ ctx }) => {
    if (ctx.supportSessionId) {
      await endSupportSession(
        ctx.db,
        ctx,
        { supportSessionId: ctx.supportSessionId, accountId: ctx.actor.accountId },
        "exit",
      );
    }
  }),
  viewAs: staffProcedure.input(viewAsInput).mutation(({ ctx, input }) => {
    if (!ctx.supportSessionId) throw new DomainError("NOT_FOUND", "openATeamFirst");
    return viewAsMember(ctx.db, ctx, {
      supportSessionId: ctx.supportSessionId,
      accountId: ctx.actor.accountId,
      membershipId: input.membershipId,
    });
  }),
});
