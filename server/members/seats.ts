import { and, count, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { invitations, memberships, subscriptions } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";

/** Licensed members (active or invited) plus pending licensed invitations. */
export async function seatsInUse(db: Queryable, teamId: string, now: Date): Promise<number> {
  const [members] = await db
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.licensed, true),
        inArray(memberships.status, ["active", "invited"]),
      ),
    );
  const [pending] = await db
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.teamId, teamId),
        eq(invitations.licensed, true),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return (members?.n ?? 0) + (pending?.n ?? 0);
}

/**
 * Refuses another licence when every seat is taken. The subscription row is locked first, so
 * concurrent callers in one team count one after another and the limit holds. Taking the last
 * free seat is audited (`subscription.seats_filled`), so the team's managers hear of it before
 * the next person is refused.
 */
export async function claimSeats(tx: Transaction, teamId: string, wanted: number, now: Date): Promise<void> {
  const [subscription] = await tx
    .select({ id: subscriptions.id, seats: subscriptions.seats })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, teamId))
    .for("update");
  const seats = subscription?.seats ?? 0;
  const used = await seatsInUse(tx, teamId, now);
  if (used + wanted > seats) {
    const free = Math.max(seats - used, 0);
    if (seats === 0) throw new DomainError("SEAT_LIMIT", "noSubscriptionSeats");
    if (free > 0) throw new DomainError("SEAT_LIMIT", "notEnoughFreeSeats", { free, seats, wanted });
    throw new DomainError("SEAT_LIMIT", "allSeatsInUse", { seats });
  }
  if (subscription && wanted > 0 && used + wanted === seats) {
    await recordAudit(tx, {
      teamId,
      actor: systemActor("Seat count"),
      occurredAt: now,
      request: noRequest,
      action: "subscription.seats_filled",
      target: { type: "subscription", id: subscription.id },
      after: { seats, inUse: seats },
    });
  }
}

/** "N of M licences in use" for a FileMaker Cloud team; null for a product without licences. */
export async function seatSummary(db: Queryable, teamId: string, product: string, now: Date) {
  if (product !== "filemaker_cloud") return null;
  const [subscription] = await db
    .select({ seats: subscriptions.seats })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, teamId));
  return { used: await seatsInUse(db, teamId, now), total: subscription?.seats ?? 0 };
}
