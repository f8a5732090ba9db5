import { z } from "zod";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { refusalIn } from "../i18n/refusal-format";
import { acceptInvitation } from "../invitations/accept-invitation";
import { inviteEach, MAX_INVITATIONS_PER_REQUEST } from "../invitations/invite-each";
import { inviteUsers } from "../invitations/invite-users";
import { listInvitations } from "../invitations/list-invitations";
import { openInvitation } from "../invitations/open-invitation";
import { resendInvitation } from "../invitations/resend-invitation";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { accountProcedure, publicProcedure, router, teamProcedure } from "../trpc";

const token = z.string().min(20).max(200);
export const oneInvitation = z.object({ invitationId: z.uuid() });
export const inviteInput = z.object({
  emails: z.array(z.string().max(320)).min(1).max(500),
  role: z.enum(["manager", "member"]),
  licensed: z.boolean(),
  groupIds: z.array(z.uuid()).max(100),
});

export const inviteEachInput = inviteInput.extend({
  emails: z.array(z.string().max(320)).min(1).max(MAX_INVITATIONS_PER_REQUEST),
});

export const invitationsRouter = router({
  list: teamProcedure("members.read").query(({ ctx }) => listInvitations(ctx.db, ctx.access.team.id, ctx.clock.now())),
  invite: teamProcedure("members.invite")
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteUsers(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  /** Each address invited or refused on its own: what automation sends when one bad row must not stop the rest. */
  inviteEach: teamProcedure("members.invite")
    .input(inviteEachInput)
    .mutation(async ({ ctx, input }) => {
      const { results } = await inviteEach(ctx.db, ctx, { ...input, teamId: ctx.access.team.id });
      const locale = ctx.request.locale ?? DEFAULT_LOCALE;
      return {
        results: results.map((result) =>
          result.status === "invited"
            ? result
            : {
                email: result.email,
                status: result.status,
                code: result.code,
                message: refusalIn(result.refusal, locale),
              },
        ),
      };
    }),
  resend: teamProcedure("members.invite")
    .input(oneInvitation)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  revoke: teamProcedure("members.invite")
    .input(oneInvitation)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  /** What the invitation page shows: anyone holding the link may see the team's name and the address. */
  open: publicProcedure.input(z.object({ token })).query(async ({ ctx, input }) => {
    const opened = await openInvitation(ctx.db, input.token, ctx.clock.now());
    if (!opened) return null;
    return { teamName: opened.teamName, email: opened.invitation.email, state: opened.state };
  }),
  accept: accountProcedure
    .input(z.object({ token }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx, input)),
});
