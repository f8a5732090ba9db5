import { getTeamSettings } from "../settings/get-settings";
import { router, teamProcedure } from "../trpc";

export const settingsRouter = router({
  get: teamProcedure("settings.read").query(({ ctx }) => getTeamSettings(ctx.db, ctx.access.team.id)),
});
