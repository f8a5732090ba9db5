import { listMyTeams } from "../teams/list-my-teams";
import { teamHome } from "../teams/team-home";
import { accountProcedure, router, teamProcedure } from "../trpc";

export const teamsRouter = router({
  mine: accountProcedure.query(({ ctx }) => listMyTeams(ctx.db, ctx.actor.accountId)),
  /** The team as the viewer may see it, with the permissions that shape navigation. */
  access: teamProcedure("team.read").query(({ ctx }) => ctx.access),
  home: teamProcedure("team.read").query(({ ctx }) => teamHome(ctx.db, ctx.access, ctx.clock.now())),
});
