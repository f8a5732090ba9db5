import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups, invitationGroups, invitations } from "@/db/schema";

export const INVITATIONS_SHOWN = 100;

/** The newest pending invitations (expired ones included, to be resent or revoked) and how many there are. */
export async function listInvitations(db: Queryable, teamId: string, now: Date) {
  const pending = and(eq(invitations.teamId, teamId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        licensed: invitations.licensed,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(pending)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(INVITATIONS_SHOWN),
    db.select({ n: count() }).from(invitations).where(pending),
  ]);
  const groupRows = rows.length
    ? await db
        .select({ invitationId: invitationGroups.invitationId, name: groups.name })
        .from(invitationGroups)
        .innerJoin(groups, eq(groups.id, invitationGroups.groupId))
        .where(
          and(
            eq(invitationGroups.teamId, teamId),
            inArray(
              invitationGroups.invitationId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return {
    total: total?.n ?? 0,
    invitations: rows.map((row) => ({
      ...row,
      expired: row.expiresAt <= now,
      groups: groupRows
        .filter((g) => g.invitationId === row.id)
        .map((g) => g.name)
        .sort(),
    })),
  };
}
