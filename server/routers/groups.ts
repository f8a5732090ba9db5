import { z } from "zod";
import { addGroupMembers } from "../groups/add-group-members";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { getGroup } from "../groups/get-group";
import { groupChoices, listGroups } from "../groups/list-groups";
import { removeGroupMembers } from "../groups/remove-group-members";
import { renameGroup } from "../groups/rename-group";
import { setIdentityProviderGroup } from "../groups/set-identity-provider-group";
import { router, teamProcedure } from "../trpc";

const groupName = z
  .string({ message: "Enter a name for the group" })
  .trim()
  .min(1, "Enter a name for the group")
  .max(100);
const oneGroup = z.object({ groupId: z.uuid() });
export const createGroupInput = z.object({ name: groupName });
export const renameGroupInput = oneGroup.extend({ name: groupName });
export const identityProviderGroupInput = oneGroup.extend({
  identityProviderGroup: z.string().max(200, "Use at most 200 characters for the provider group.").default(""),
});
export const deleteGroupInput = oneGroup.extend({ confirmCustomApps: z.boolean() });
export const groupMembersInput = oneGroup.extend({
  membershipIds: z.array(z.uuid()).min(1, "Choose at least one user").max(500),
});

export const groupsRouter = router({
  list: teamProcedure("groups.read").query(({ ctx }) => listGroups(ctx.db, ctx.access.team.id)),
  choices: teamProcedure("groups.read").query(({ ctx }) => groupChoices(ctx.db, ctx.access.team.id)),
  get: teamProcedure("groups.read")
    .input(oneGroup)
    .query(({ ctx, input }) => getGroup(ctx.db, ctx.access.team.id, input.groupId)),
  create: teamProcedure("groups.manage")
    .input(createGroupInput)
    .mutation(({ ctx, input }) => createGroup(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  rename: teamProcedure("groups.manage")
    .input(renameGroupInput)
    .mutation(({ ctx, input }) => renameGroup(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  setIdentityProviderGroup: teamProcedure("groups.manage")
    .input(identityProviderGroupInput)
    .mutation(({ ctx, input }) => setIdentityProviderGroup(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  delete: teamProcedure("groups.manage")
    .input(deleteGroupInput)
    .mutation(({ ctx, input }) => deleteGroup(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  addMembers: teamProcedure("groups.manage")
    .input(groupMembersInput)
    .mutation(({ ctx, input }) => addGroupMembers(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  removeMembers: teamProcedure("groups.manage")
    .input(groupMembersInput)
    .mutation(({ ctx, input }) => removeGroupMembers(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
