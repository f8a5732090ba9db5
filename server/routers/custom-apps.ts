import { z } from "zod";
import { setAppGroups } from "../hosts/custom-apps/set-app-groups";
import { MAX_SHARED_AT_ONCE, shareApp } from "../hosts/custom-apps/share-app";
import { router, teamProcedure } from "../trpc";

const oneCustomApp = z.object({ customAppId: z.uuid() });
export const setAppGroupsInput = oneCustomApp.extend({ groupIds: z.array(z.uuid()).max(100) });
export const shareAppInput = oneCustomApp.extend({
  emails: z
    .array(z.string().max(320))
    .min(1, "Enter at least one email address.")
    .max(MAX_SHARED_AT_ONCE, `Share the app with at most ${MAX_SHARED_AT_ONCE} addresses at once.`),
  groupId: z.uuid({ message: "Choose the group to share the app through." }),
});

export const customAppsRouter = router({
  setGroups: teamProcedure("hosts.operate")
    .input(setAppGroupsInput)
    .mutation(({ ctx, input }) => setAppGroups(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  /**
   * Sharing invites people and gives them licences, so it asks for the right to invite; the app
   * is only named by id and checked to be the team's, and only its name reaches the mail.
   */
  share: teamProcedure("members.invite")
    .input(shareAppInput)
    .mutation(({ ctx, input }) => shareApp(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
