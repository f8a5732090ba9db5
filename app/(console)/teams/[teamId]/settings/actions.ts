"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import {
  updateRetentionInput,
  updateSecurityInput,
  updateSsoRequirementInput,
  updateTransferApprovalsInput,
} from "@/server/routers/settings";
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
