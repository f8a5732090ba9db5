"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import {
  createGroupInput,
  deleteGroupInput,
  groupMembersInput,
  identityProviderGroupInput,
  renameGroupInput,
} from "@/server/routers/groups";
import { teamInput } from "@/server/trpc";

export const createGroupAction = formAction(teamInput.extend(createGroupInput.shape), async (input, api) => {
  await api.groups.create(input);
  revalidatePath(`/teams/${input.teamId}/groups`);
  return done((await getTranslations("groups.dialogs"))("created", { name: input.name }));
});

export const renameGroupAction = formAction(teamInput.extend(renameGroupInput.shape), async (input, api) => {
  await api.groups.rename(input);
  revalidatePath(`/teams/${input.teamId}/groups`, "layout");
  return done((await getTranslations("groups.dialogs"))("renamed", { name: input.name }));
});

export const deleteGroupAction = formAction(
  teamInput.extend(deleteGroupInput.shape).extend({ confirmCustomApps: checkbox }),
  async (input, api) => {
    await api.groups.delete(input);
    revalidatePath(`/teams/${input.teamId}/groups`, "layout");
    return done((await getTranslations("groups.dialogs"))("deleted"));
  },
);

export const removeFromGroupAction = formAction(teamInput.extend(groupMembersInput.shape), async (input, api) => {
  await api.groups.removeMembers(input);
  revalidatePath(`/teams/${input.teamId}/groups/${input.groupId}`);
  return done((await getTranslations("groups.group"))("removed"));
});

export const setIdentityProviderGroupAction = formAction(
  teamInput.extend(identityProviderGroupInput.shape),
  async (input, api) => {
    await api.groups.setIdentityProviderGroup(input);
    revalidatePath(`/teams/${input.teamId}/groups/${input.groupId}`);
    const t = await getTranslations("groups.group.providerGroup");
    const providerGroup = input.identityProviderGroup.trim();
    return done(providerGroup ? t("saved", { providerGroup }) : t("cleared"));
  },
);
