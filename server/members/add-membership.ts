import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { productLacks } from "../teams/require-product";
import { claimSeats } from "./seats";

/** Adds an existing account to a team as a manager or member, taking a seat when licensed. */
export async function addMembership(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; accountId: string; role: "manager" | "member"; licensed: boolean },
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [team] = await tx.select({ product: teams.product }).from(teams).where(eq(teams.id, input.teamId));
      if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
      if (input.licensed && team.product !== "filemaker_cloud") {
        throw productLacks(team.product, "per-user licences");
      }
      const [account] = await tx
        .select({ email: accounts.email })
        .from(accounts)
        .where(eq(accounts.id, input.accountId));
      if (!account) throw new DomainError("NOT_FOUND", "thisAccountDoesNotExist");
      if (input.licensed) await claimSeats(tx, input.teamId, 1, now);
      const [membership] = await tx
        .insert(memberships)
        .values({ ...input, status: "active", createdAt: now, updatedAt: now })
        .returning({ id: memberships.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "membership.added",
        target: { type: "membership", id: membership!.id },
        after: {
          email: account.email,
          accountId: input.accountId,
          role: input.role,
          licensed: input.licensed,
          status: "active",
        },
      });
      return membership!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "memberships_team_account_unique")) {
      throw new DomainError("CONFLICT", "thisAccountIsAlreadyAMember");
    }
    throw error;
  }
}
