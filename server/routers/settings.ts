import { z } from "zod";
import { getTeamSettings } from "../settings/get-settings";
import { updateManagedUserSettings } from "../settings/update-managed-users";
import {
  DEPARTED_RETENTION_DAYS_MAX,
  DEPARTED_RETENTION_DAYS_MIN,
  updateRetentionSettings,
} from "../settings/update-retention";
import {
  parseDomainList,
  SESSION_IDLE_MINUTES_MAX,
  SESSION_IDLE_MINUTES_MIN,
  updateSecuritySettings,
} from "../settings/update-settings";
import { updateSsoRequirement } from "../settings/update-sso-requirement";
import { updateTransferApprovals } from "../settings/update-transfer-approvals";
import { router, teamProcedure } from "../trpc";

export const updateSecurityInput = z.object({
  mfaRequired: z.boolean().optional(),
  sessionIdleMinutes: z
    .number({ message: "Sign out after inactivity must be a number of minutes." })
    .int("Sign out after inactivity must be a whole number of minutes.")
    .min(SESSION_IDLE_MINUTES_MIN, `Sign out after inactivity must be at least ${SESSION_IDLE_MINUTES_MIN} minutes.`)
    .max(SESSION_IDLE_MINUTES_MAX, `Sign out after inactivity must be at most ${SESSION_IDLE_MINUTES_MAX} minutes.`)
    .optional(),
  allowedInviteDomains: z.string().max(2000, "Keep the list of domains under 2,000 characters.").optional(),
});

export const updateSsoRequirementInput = z.object({
  ssoRequired: z.boolean(),
  /** Comma- or space-separated addresses of members who keep password sign-in. */
  breakGlassEmails: z.string().max(1000, "Keep the list of break-glass addresses under 1,000 characters.").default(""),
});

export const updateRetentionInput = z.object({
  departedUserRetentionDays: z
    .number({ message: "Keep departed users' personal data for a number of days." })
    .int("Keep departed users' personal data for a whole number of days.")
    .min(
      DEPARTED_RETENTION_DAYS_MIN,
      `Keep departed users' personal data for at least ${DEPARTED_RETENTION_DAYS_MIN} day.`,
    )
    .max(
      DEPARTED_RETENTION_DAYS_MAX,
      `Keep departed users' personal data for at most ${DEPARTED_RETENTION_DAYS_MAX} days.`,
    ),
});

export const updateManagedUsersInput = z.object({
  managedUsersMayChangeEmail: z.boolean(),
  managedUsersMayChangeName: z.boolean(),
});

export const updateTransferApprovalsInput = z.object({
  transferInRequiresApproval: z.boolean(),
  transferOutRequiresApproval: z.boolean(),
});

export const settingsRouter = router({
  get: teamProcedure("settings.read").query(({ ctx }) => getTeamSettings(ctx.db, ctx.access.team.id)),
  updateSecurity: teamProcedure("settings.update")
    .input(updateSecurityInput)
    .mutation(({ ctx, input }) =>
      updateSecuritySettings(ctx.db, ctx, {
        ...input,
        allowedInviteDomains:
          input.allowedInviteDomains === undefined ? undefined : parseDomainList(input.allowedInviteDomains),
        teamId: ctx.access.team.id,
      }),
    ),
  updateRetention: teamProcedure("settings.update")
    .input(updateRetentionInput)
    .mutation(({ ctx, input }) => updateRetentionSettings(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  updateManagedUsers: teamProcedure("settings.update")
    .input(updateManagedUsersInput)
    .mutation(({ ctx, input }) => updateManagedUserSettings(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  updateTransferApprovals: teamProcedure("settings.update")
    .input(updateTransferApprovalsInput)
    .mutation(({ ctx, input }) => updateTransferApprovals(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  updateSsoRequirement: teamProcedure("sso.manage")
    .input(updateSsoRequirementInput)
    .mutation(({ ctx, input }) =>
      updateSsoRequirement(ctx.db, ctx, {
        teamId: ctx.access.team.id,
        ssoRequired: input.ssoRequired,
        breakGlassEmails: input.breakGlassEmails.split(/[\s,;]+/),
      }),
    ),
});
