import { z } from "zod";
import { listMembers } from "../members/list-members";
import { router, teamProcedure } from "../trpc";

export const membersRouter = router({
  list: teamProcedure("members.read")
    .input(
      z.object({
        search: z.string().max(200).optional(),
        after: z.object({ name: z.string().max(500), id: z.uuid() }).optional(),
      }),
    )
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.access.team.id, input)),
});
