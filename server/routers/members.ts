import { z } from "zod";
import { actorLocale } from "../i18n/reader-locale";
import { invitingTeam } from "../invitations/invitee-checks";
import { memberCaller, withAllowedActions } from "../members/allowed-actions";
import { answerOwnershipTransfer, openOwnershipTransfer } from "../members/answer-ownership-transfer";
import { changeRole } from "../members/change-role";
import { checkImport, summariseImport } from "../members/csv/check-import";
import { startMembersExport } from "../members/csv/export-members";
import { importUsers } from "../members/csv/import-users";
import { deactivateMembership } from "../members/deactivate-membership";
import { getMember, listMembers, MAX_MEMBERS_PAGE_SIZE } from "../members/list-members";
import { MEMBER_SORTS } from "../members/member-order";
import { reactivateMembership } from "../members/reactivate-membership";
import { removeMembership } from "../members/remove-membership";
import { requestOwnershipTransfer } from "../members/request-ownership-transfer";
import { seatSummary } from "../members/seats";
import { setLicence } from "../members/set-licence";
import { router, teamProcedure } from "../trpc";

const cursor = z.string().max(2000);

/** The filters and sort of a view of the Users table, shared by the list and the export. */
export const memberView = z.object({
  search: z.string().max(200).optional(),
  role: z.enum(["owner", "manager", "member"]).optional(),
  licensed: z.boolean().optional(),
  status: z.enum(["active", "deactivated"]).optional(),
  type: z.enum(["managed", "external"]).optional(),
  groupId: z.uuid().optional(),
  identityProviderId: z.uuid().optional(),
  sort: z.enum(MEMBER_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});

export const memberListInput = memberView.extend({
  after: cursor.optional(),
  before: cursor.optional(),
  limit: z.number().int().min(1).max(MAX_MEMBERS_PAGE_SIZE).optional(),
});
export const oneMember = z.object({ membershipId: z.uuid() });
export const changeRoleInput = oneMember.extend({ role: z.enum(["manager", "member"]) });
export const setLicenceInput = oneMember.extend({ licensed: z.boolean() });
export const importInput = z.object({ csv: z.string() });

export const membersRouter = router({
  list: teamProcedure("members.read")
    .input(memberListInput)
    .query(async ({ ctx, input }) =>
      withAllowedActions(await listMembers(ctx.db, ctx.access.team.id, input), memberCaller(ctx.access)),
    ),
  get: teamProcedure("members.read")
    .input(oneMember)
    .query(async ({ ctx, input }) => {
      const member = await getMember(ctx.db, ctx.access.team.id, input.membershipId);
      return withAllowedActions({ members: [member], next: null, previous: null }, memberCaller(ctx.access))
        .members[0]!;
    }),
  seats: teamProcedure("members.read").query(({ ctx }) =>
    seatSummary(ctx.db, ctx.access.team.id, ctx.access.team.product, ctx.clock.now()),
  ),
  /** CSV chunks of the whole view, pulled one keyset page at a time; the export is audited. */
  exportCsv: teamProcedure("members.export")
    .input(memberView)
    .query(({ ctx, input: { teamId, ...view } }) =>
      startMembersExport(ctx.db, ctx, { teamId: ctx.access.team.id, view }),
    ),
  checkImport: teamProcedure("members.invite")
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      summariseImport(
        await checkImport(
          ctx.db,
          await invitingTeam(ctx.db, ctx.access.team.id),
          input.csv,
          ctx.clock.now(),
          await actorLocale(ctx.db, ctx),
        ),
      ),
    ),
  /** Progress of the import, batch by batch. */
  importCsv: teamProcedure("members.invite")
    .input(importInput)
    .mutation(async function* ({ ctx, input }) {
      yield* importUsers(ctx.db, ctx, { teamId: ctx.access.team.id, csv: input.csv });
    }),
  changeRole: teamProcedure("members.update")
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  setLicence: teamProcedure("members.update")
    .input(setLicenceInput)
    .mutation(({ ctx, input }) => setLicence(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  deactivate: teamProcedure("members.update")
    .input(oneMember)
    .mutation(({ ctx, input }) => deactivateMembership(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  reactivate: teamProcedure("members.update")
    .input(oneMember)
    .mutation(({ ctx, input }) => reactivateMembership(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  remove: teamProcedure("members.update")
    .input(oneMember)
    .mutation(({ ctx, input }) => removeMembership(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  transferOwnership: teamProcedure("ownership.transfer")
    .input(oneMember)
    .mutation(({ ctx, input }) => requestOwnershipTransfer(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  /** The open ownership offer, shown to the owner who made it and the member it is made to. */
  ownershipTransfer: teamProcedure("team.read").query(async ({ ctx }) => {
    const offer = await openOwnershipTransfer(ctx.db, ctx.access.team.id, ctx.clock.now());
    const me = ctx.access.membership?.id;
    if (!offer || !me) return null;
    if (offer.toMembershipId !== me && offer.fromMembershipId !== me) return null;
    return {
      toName: offer.toName,
      toEmail: offer.toEmail,
      expiresAt: offer.expiresAt,
      offeredToMe: offer.toMembershipId === me,
    };
  }),
  answerOwnershipTransfer: teamProcedure("team.read")
    .input(z.object({ answer: z.enum(["accept", "decline", "cancel"]) }))
    .mutation(({ ctx, input }) => answerOwnershipTransfer(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
