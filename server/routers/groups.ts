import { listGroups } from "../groups/list-groups";
import { router, teamProcedure } from "../trpc";

export const groupsRouter = router({
  list: teamProcedure("groups.read").query(({ ctx }) => listGroups(ctx.db, ctx.access.team.id)),
});
