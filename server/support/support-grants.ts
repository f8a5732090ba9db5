import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, supportGrants } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

export const GRANT_MIN_HOURS = 1;
export const GRANT_MAX_HOURS = 7 * 24;

/** The team's consent for support to view it read-only, from now for the given hours. */
export async function grantSupportAccess(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; hours: number; note?: string },
): Promise<{ id: string; endsAt: Date }> {
  if (!Number.isInteger(input.hours) || input.hours < GRANT_MIN_HOURS || input.hours > GRANT_MAX_HOURS) {
    throw new DomainError("INVALID_INPUT", "supportAccessLastsFrom1Hour");
  }
  const now = ctx.clock.now();
  const endsAt = new Date(now.getTime() + input.hours * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .insert(supportGrants)
      .values({
        teamId: input.teamId,
        grantedByAccountId: ctx.actor.kind === "account" ? ctx.actor.accountId : null,
        note: input.note?.trim() || null,
        createdAt: now,
        endsAt,
      })
      .returning({ id: supportGrants.id, endsAt: supportGrants.endsAt });
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "support.access_granted",
      target: { type: "support_grant", id: grant!.id },
      after: { endsAt, note: input.note?.trim() || null },
    });
    return grant!;
  });
}

/** Ends a grant at once; a support session opened under it ends at its next request. */
export async function revokeSupportGrant(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; grantId: string },
) {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [grant] = await tx
      .update(supportGrants)
      .set({ revokedAt: now })
      .where(
        and(
          eq(supportGrants.teamId, input.teamId),
          eq(supportGrants.id, input.grantId),
          isNull(supportGrants.revokedAt),
        ),
      )
      .returning();
    if (!grant) throw new DomainError("NOT_FOUND", "thisSupportAccessHasAlreadyEnded");
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "support.access_revoked",
      target: { type: "support_grant", id: grant.id },
      before: { endsAt: grant.endsAt },
    });
  });
}

/** Grants still running, newest first. */
export function activeSupportGrants(db: Queryable, teamId: string, now: Date) {
  return db
    .select({
      id: supportGrants.id,
      note: supportGrants.note,
      createdAt: supportGrants.createdAt,
      endsAt: supportGrants.endsAt,
      grantedBy: accounts.name,
    })
    .from(supportGrants)
    .leftJoin(accounts, eq(accounts.id, supportGrants.grantedByAccountId))
    .where(and(eq(supportGrants.teamId, teamId), isNull(supportGrants.revokedAt), gt(supportGrants.endsAt, now)))
    .orderBy(desc(supportGrants.createdAt));
}
