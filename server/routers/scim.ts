import { generateScimToken, revokeScimToken, scimTokenStatus } from "../scim/scim-token";
import { router, teamProcedure } from "../trpc";

export const scimRouter = router({
  status: teamProcedure("scim.read").query(({ ctx }) => scimTokenStatus(ctx.db, ctx.access.team.id)),
  generateToken: teamProcedure("scim.manage").mutation(({ ctx }) =>
    generateScimToken(ctx.db, ctx, { teamId: ctx.access.team.id }),
  ),
  revokeToken: teamProcedure("scim.manage").mutation(({ ctx }) =>
    revokeScimToken(ctx.db, ctx, { teamId: ctx.access.team.id }),
  ),
});
