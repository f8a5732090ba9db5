import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError, type DomainErrorCode } from "../errors";
import { type Refusal, refusal } from "../i18n/refusal-format";
import { claimSeats } from "../members/seats";
import { createInvitations, recordInvitationsCreated } from "./create-invitations";
import {
  domainRefusal,
  existingInvitees,
  groupsOfTeam,
  invitingTeam,
  isEmailAddress,
  requireFeatures,
  retireExpiredInvitations,
} from "./invitee-checks";

/** What one request may ask of an automation: five times a page's invitation form. */
export const MAX_INVITATIONS_PER_REQUEST = 500;

export type InvitationOutcome =
  | { email: string; status: "invited"; invitationId: string }
  | { email: string; status: "refused"; code: DomainErrorCode; refusal: Refusal };

/**
 * Invites many addresses with one role, licence and set of groups, and answers for each one:
 * an address that cannot be invited (not an address, listed twice, outside the team's
 * allowed domains, already a member or invited) is reported and the others are invited, in
 * one transaction, so no address is ever half invited. What concerns the request as a whole
 * (groups of another team, not enough seats for all the licensed invitations) refuses it all.
 */
export async function inviteEach(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; emails: string[]; role: "manager" | "member"; licensed: boolean; groupIds: string[] },
): Promise<{ results: InvitationOutcome[] }> {
  if (input.emails.length > MAX_INVITATIONS_PER_REQUEST) {
    throw new DomainError("INVALID_INPUT", "inviteAtMostAddressesPerRequest", { max: MAX_INVITATIONS_PER_REQUEST });
  }
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const team = await invitingTeam(tx, input.teamId);
      requireFeatures(team, { licensed: input.licensed, groups: input.groupIds.length > 0 });
      await groupsOfTeam(tx, team.id, input.groupIds);
      const emails = input.emails.map((e) => e.trim());
      const existing = await existingInvitees(tx, team.id, emails.filter(isEmailAddress), now);
      const seen = new Set<string>();
      const refusals = new Map<number, { code: DomainErrorCode; refusal: Refusal }>();
      emails.forEach((email, index) => {
        const lower = email.toLowerCase();
        const why = ((): { code: DomainErrorCode; refusal: Refusal } | null => {
          if (!isEmailAddress(email))
            return { code: "INVALID_INPUT", refusal: refusal("notAnEmailAddress", { email }) };
          if (seen.has(lower)) return { code: "INVALID_INPUT", refusal: refusal("listedTwice", { email }) };
          const domain = domainRefusal(team, email);
          if (domain) return { code: "INVALID_INPUT", refusal: domain };
          if (existing.get(lower) === "member")
            return { code: "CONFLICT", refusal: refusal("alreadyInTheTeam", { members: email }) };
          if (existing.get(lower) === "invited") {
            return {
              code: "CONFLICT",
              refusal: refusal("alreadyInvitedResendTheirInvitationFrom", { invited: email }),
            };
          }
          return null;
        })();
        seen.add(lower);
        if (why) refusals.set(index, why);
      });
      const accepted = emails.filter((_, index) => !refusals.has(index));
      if (input.licensed && accepted.length > 0) await claimSeats(tx, team.id, accepted.length, now);
      await retireExpiredInvitations(tx, team.id, accepted, now);
      const created = await createInvitations(
        tx,
        ctx,
        team,
        accepted.map((email) => ({ email, role: input.role, licensed: input.licensed, groupIds: input.groupIds })),
      );
      await recordInvitationsCreated(tx, ctx, team.id, created);
      const invitationIds = new Map(created.map((i) => [i.email.toLowerCase(), i.id]));
      return {
        results: emails.map((email, index): InvitationOutcome => {
          const refused = refusals.get(index);
          return refused
            ? { email, status: "refused", ...refused }
            : { email, status: "invited", invitationId: invitationIds.get(email.toLowerCase())! };
        }),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, "invitations_pending_email_unique")) {
      throw new DomainError("CONFLICT", "oneOfTheseAddressesWasInvited");
    }
    throw error;
  }
}
