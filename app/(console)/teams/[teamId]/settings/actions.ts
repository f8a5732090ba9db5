"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import {
  updateManagedUsersInput,
  updateRetentionInput,
  updateSecurityInput,
  updateSsoRequirementInput,
  updateTransferApprovalsInput,
} from "@/server/routers/settings";
import { setBillingContactInput } from "@/server/routers/subscription";
import { renameTeamInput } from "@/server/routers/teams";
import { teamInput } from "@/server/trpc";

export const updateSecuritySettingsAction = formAction(
  teamInput.extend(updateSecurityInput.shape).extend({ mfaRequired: checkbox }),
  async (input, api) => {
    await api.settings.updateSecurity(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("settings"))("security.saved"));
  },
);

export const updateRetentionSettingsAction = formAction(
  teamInput.extend(updateRetentionInput.shape),
  async (input, api) => {
    await api.settings.updateRetention(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("settings"))("retention.saved"));
  },
);

export const updateSsoRequirementAction = formAction(
  teamInput.extend(updateSsoRequirementInput.shape).extend({ ssoRequired: checkbox }),
  async (input, api) => {
    await api.settings.updateSsoRequirement(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("settings"))("sso.saved"));
  },
);

export const renameTeamAction = formAction(teamInput.extend(renameTeamInput.shape), async (input, api) => {
  const { name } = await api.teams.rename(input);
  // The switcher and every page of the team show its name.
  revalidatePath(`/teams/${input.teamId}`, "layout");
  return done((await getTranslations("team"))("rename.saved", { name }));
});

export const setBillingContactAction = formAction(
  teamInput.extend(setBillingContactInput.shape).extend({ intent: z.enum(["save", "remove"]).default("save") }),
  async ({ intent, ...input }, api) => {
    const contact = await api.subscription.setBillingContact(
      intent === "remove" ? { teamId: input.teamId, name: "", email: "" } : input,
    );
    revalidatePath(`/teams/${input.teamId}/settings`);
    const t = await getTranslations("team");
    return done(contact ? t("billingContact.saved", { email: contact.email }) : t("billingContact.removed"));
  },
);

export const updateManagedUsersAction = formAction(
  teamInput
    .extend(updateManagedUsersInput.shape)
    .extend({ managedUsersMayChangeEmail: checkbox, managedUsersMayChangeName: checkbox }),
  async (input, api) => {
    await api.settings.updateManagedUsers(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("settings"))("managedUsers.saved"));
  },
);

export const updateTransferApprovalsAction = formAction(
  teamInput
    .extend(updateTransferApprovalsInput.shape)
    .extend({ transferInRequiresApproval: checkbox, transferOutRequiresApproval: checkbox }),
  async (input, api) => {
    await api.settings.updateTransferApprovals(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done((await getTranslations("accountTransfers.settings"))("saved"));
  },
);
