import { z } from "zod";
import { plansOnSale } from "../billing/plan-catalog";
import { listMyTeams } from "../teams/list-my-teams";
import { renameTeam } from "../teams/rename-team";
import { startTrialTeam } from "../teams/start-trial-team";
import { teamHome } from "../teams/team-home";
import { accountProcedure, router, teamProcedure } from "../trpc";

// The domain trims and checks names (1 to 100 characters, no control characters); this only bounds the input.
const teamNameText = z.string("Type a name for the team.").max(1000, "Use at most 100 characters for the team's name.");

export const createTeamInput = z.object({
  product: z.enum(["filemaker_cloud", "claris_connect"], "Choose FileMaker Cloud or Claris Connect."),
  name: teamNameText,
  planCode: z.string("Choose a plan.").min(1, "Choose a plan.").max(100),
});
export const renameTeamInput = z.object({ name: teamNameText });

export const teamsRouter = router({
  mine: accountProcedure.query(({ ctx }) => listMyTeams(ctx.db, ctx.actor.accountId)),
  /** The plans a new team can start its trial on, per product. */
  trialPlans: accountProcedure.query(() => ({
    filemaker_cloud: plansOnSale("filemaker_cloud"),
    claris_connect: plansOnSale("claris_connect"),
  })),
  /** A new team on a 14-day trial, with the signed-in person as its owner. */
  create: accountProcedure.input(createTeamInput).mutation(({ ctx, input }) => startTrialTeam(ctx.db, ctx, input)),
  /** The team as the viewer may see it, with the permissions that shape navigation. */
  access: teamProcedure("team.read").query(({ ctx }) => ctx.access),
  home: teamProcedure("team.read").query(({ ctx }) => teamHome(ctx.db, ctx.access, ctx.clock.now())),
  rename: teamProcedure("team.update")
    .input(renameTeamInput)
    .mutation(({ ctx, input }) => renameTeam(ctx.db, ctx, { teamId: ctx.access.team.id, name: input.name })),
});
