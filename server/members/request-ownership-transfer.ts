import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, ownershipTransfers, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { consoleOrigin } from "../invitations/console-origin";
import { enqueueMail } from "../mail/enqueue-mail";
import { actingRole, lockMember } from "./member-target";

export const OWNERSHIP_OFFER_DAYS = 7;

/** The owner offers the team to an active member; nothing changes until that member accepts. */
export async function requestOwnershipTransfer(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; membershipId: string },
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      if ((await actingRole(tx, ctx, input.teamId)) !== "owner") {
        throw new DomainError("FORBIDDEN", "onlyTheTeamSOwnerCan");
      }
      const target = await lockMember(tx, input.teamId, input.membershipId);
      if (target.role === "owner") throw new DomainError("INVALID_INPUT", "youAlreadyOwnThisTeamChoose");
      if (target.status !== "active") {
        throw new DomainError("INVALID_INPUT", "isNotActiveInTheTeam", { email: target.email });
      }
      // An older offer that was never answered gives way to the new one.
      await tx
        .update(ownershipTransfers)
        .set({ cancelledAt: now })
        .where(
          and(
            eq(ownershipTransfers.teamId, input.teamId),
            isNull(ownershipTransfers.acceptedAt),
            isNull(ownershipTransfers.cancelledAt),
          ),
        );
      const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, input.teamId));
      const [owner] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.teamId, input.teamId), eq(memberships.role, "owner")));
      const ownerMembership = owner!.id;
      const [transfer] = await tx
        .insert(ownershipTransfers)
        .values({
          teamId: input.teamId,
          fromMembershipId: ownerMembership,
          toMembershipId: target.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + OWNERSHIP_OFFER_DAYS * DAY_MS),
        })
        .returning({ id: ownershipTransfers.id });
      const t = translatorFor(await recipientLocale(tx, target.accountId), "mail");
      await enqueueMail(
        tx,
        {
          to: target.email,
          teamId: input.teamId,
          subject: t("ownershipOffered.subject", { teamName: team!.name }),
          text: t("ownershipOffered.text", {
            teamName: team!.name,
            days: OWNERSHIP_OFFER_DAYS,
            link: `${consoleOrigin()}/teams/${input.teamId}/home`,
          }),
        },
        now,
      );
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "ownership.transfer_requested",
        target: { type: "membership", id: target.id },
        before: { ownerMembershipId: ownerMembership },
        after: { offeredTo: target.email, membershipId: target.id },
      });
      return transfer!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "ownership_transfers_one_open_per_team")) {
      throw new DomainError("CONFLICT", "anotherOwnershipTransferWasJustOffered");
    }
    throw error;
  }
}
