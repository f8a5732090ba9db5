import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { claimSeats } from "../members/seats";
import { createInvitations, recordInvitationsCreated } from "./create-invitations";
import type { SharedApp } from "./invitation-mail";
import {
  domainRefusal,
  existingInvitees,
  groupsOfTeam,
  invitingTeam,
  isEmailAddress,
  requireFeatures,
  retireExpiredInvitations,
} from "./invitee-checks";

export const MAX_INVITATIONS_AT_ONCE = 100;

/**
 * Invites one or many addresses with one role, licence and set of groups, all or none: a
 * licensed invitation holds a seat until it is accepted, revoked or expires. When a custom app
 * is being shared, its mail and audit event name the app.
 */
export async function inviteUsers(
  db: Queryable,
  ctx: DomainContext,
  input: {
    teamId: string;
    emails: string[];
    role: "manager" | "member";
    licensed: boolean;
    groupIds: string[];
    app?: SharedApp;
  },
): Promise<{ invited: Array<{ id: string; email: string }> }> {
  const now = ctx.clock.now();
  const seen = new Set<string>();
  const emails = input.emails
    .map((e) => e.trim())
    .filter((e) => e && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
  if (emails.length === 0) throw new DomainError("INVALID_INPUT", "enterAtLeastOneEmailAddress");
  if (emails.length > MAX_INVITATIONS_AT_ONCE) {
    throw new DomainError("INVALID_INPUT", "inviteAtMostAddressesAtOnce", { MAX_INVITATIONS_AT_ONCE });
  }
  const invalid = emails.filter((e) => !isEmailAddress(e));
  if (invalid.length > 0)
    throw new DomainError("INVALID_INPUT", "theseAreNotEmailAddresses", { invalid: invalid.join(", ") });
  try {
    return await db.transaction(async (tx) => {
      const team = await invitingTeam(tx, input.teamId);
      requireFeatures(team, { licensed: input.licensed, groups: input.groupIds.length > 0 });
      const refusedDomain = emails.map((e) => [e, domainRefusal(team, e)] as const).filter(([, why]) => why);
      if (refusedDomain.length > 0) {
        throw new DomainError("INVALID_INPUT", "refusedByTeamSetting", {
          emails: refusedDomain.map(([e]) => e).join(", "),
          reason: refusedDomain[0]![1]!,
        });
      }
      await groupsOfTeam(tx, team.id, input.groupIds);
      const existing = await existingInvitees(tx, team.id, emails, now);
      const members = emails.filter((e) => existing.get(e.toLowerCase()) === "member");
      if (members.length > 0)
        throw new DomainError("INVALID_INPUT", "alreadyInTheTeam", { members: members.join(", ") });
      const invited = emails.filter((e) => existing.get(e.toLowerCase()) === "invited");
      if (invited.length > 0) {
        throw new DomainError("CONFLICT", "alreadyInvitedResendTheirInvitationFrom", { invited: invited.join(", ") });
      }
      if (input.licensed) await claimSeats(tx, team.id, emails.length, now);
      await retireExpiredInvitations(tx, team.id, emails, now);
      const created = await createInvitations(
        tx,
        ctx,
        team,
        emails.map((email) => ({
          email,
          role: input.role,
          licensed: input.licensed,
          groupIds: input.groupIds,
          app: input.app,
        })),
      );
      await recordInvitationsCreated(tx, ctx, team.id, created);
      return { invited: created.map(({ id, email }) => ({ id, email })) };
    });
  } catch (error) {
    if (isUniqueViolation(error, "invitations_pending_email_unique")) {
      throw new DomainError("CONFLICT", "oneOfTheseAddressesWasInvited");
    }
    throw error;
  }
}
