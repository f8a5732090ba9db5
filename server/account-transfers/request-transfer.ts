import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accountTransfers, memberships, teamSettings, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { spend, tryAgainAfter } from "../auth/rate-limits";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { productName } from "../permissions";
import { completeTransfer } from "./complete-transfer";
import { recordTransferAudit } from "./transfer-audit";
import { transferFacts } from "./transfer-record";
import { TRANSFER_REQUEST_DAYS, TRANSFER_REQUESTS } from "./transfer-rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransferRequestResult {
  id: string;
  status: "pending" | "completed";
  /** On completion: whether the licence the person held found a seat in the team joined; null when they held none. */
  licensedOnArrival: boolean | null;
}

/**
 * The person asks to move from one of their teams to the team with the Team ID they were given.
 * It completes at once when neither team requires approval; otherwise it waits for the managers
 * of each team that does. Refusals never name a team the person is not in, only its product.
 */
export async function requestAccountTransfer(
  db: Queryable,
  ctx: DomainContext,
  input: { fromTeamId: string; toTeamId: string },
): Promise<TransferRequestResult> {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  const accountId = ctx.actor.accountId;
  const now = ctx.clock.now();
  const toTeamId = input.toTeamId.trim();
  if (!UUID.test(input.fromTeamId)) throw new DomainError("INVALID_INPUT", "transferChooseSourceTeam");
  if (!toTeamId) throw new DomainError("INVALID_INPUT", "transferTypeTeamId");
  if (!UUID.test(toTeamId)) throw new DomainError("INVALID_INPUT", "transferTeamIdShape");
  // Spent before anything is looked up, so refused attempts count too.
  const spending = await spend(db, TRANSFER_REQUESTS, accountId, now);
  if (!spending.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      "tooManyTransferRequests",
      { tryAgainAfter: tryAgainAfter(spending.retryAt, now) },
      { retryAt: spending.retryAt.toISOString() },
    );
  }
  try {
    return await db.transaction(async (tx) => {
      const [leaving] = await tx
        .select({
          role: memberships.role,
          status: memberships.status,
          teamName: teams.name,
          product: teams.product,
          teamStatus: teams.status,
          outApproval: teamSettings.transferOutRequiresApproval,
        })
        .from(memberships)
        .innerJoin(teams, eq(teams.id, memberships.teamId))
        .innerJoin(teamSettings, eq(teamSettings.teamId, memberships.teamId))
        .where(and(eq(memberships.teamId, input.fromTeamId), eq(memberships.accountId, accountId)))
        .for("update", { of: memberships });
      if (!leaving || leaving.status === "invited" || leaving.teamStatus === "purged") {
        throw new DomainError("NOT_FOUND", "transferNotInSourceTeam");
      }
      if (leaving.status === "deactivated") {
        throw new DomainError("FORBIDDEN", "transferDeactivated", { team: leaving.teamName });
      }
      if (leaving.role === "owner")
        throw new DomainError("FORBIDDEN", "transferOwnerCannotLeave", { team: leaving.teamName });
      if (leaving.teamStatus === "terminated") {
        throw new DomainError("SUBSCRIPTION_STATE", "transferSourceEnded", { team: leaving.teamName });
      }
      if (toTeamId.toLowerCase() === input.fromTeamId.toLowerCase()) {
        throw new DomainError("INVALID_INPUT", "transferSameTeam", { team: leaving.teamName });
      }
      const [joining] = await tx
        .select({ product: teams.product, status: teams.status, inApproval: teamSettings.transferInRequiresApproval })
        .from(teams)
        .innerJoin(teamSettings, eq(teamSettings.teamId, teams.id))
        .where(eq(teams.id, toTeamId));
      if (!joining || joining.status === "purged") throw new DomainError("NOT_FOUND", "transferUnknownTeamId");
      if (joining.product !== leaving.product) {
        throw new DomainError("INVALID_INPUT", "transferOtherProduct", {
          toProduct: productName(joining.product),
          fromProduct: productName(leaving.product),
        });
      }
      if (joining.status === "terminated") throw new DomainError("CONFLICT", "transferTeamNotAccepting");
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.teamId, toTeamId), eq(memberships.accountId, accountId)));
      if (member) throw new DomainError("CONFLICT", "transferAlreadyMember");
      const [open] = await tx
        .select({ id: accountTransfers.id })
        .from(accountTransfers)
        .where(and(eq(accountTransfers.accountId, accountId), eq(accountTransfers.status, "pending")));
      if (open) throw new DomainError("CONFLICT", "transferAlreadyPending");

      const [transfer] = await tx
        .insert(accountTransfers)
        .values({
          accountId,
          teamId: input.fromTeamId,
          toTeamId,
          outApprovalRequired: leaving.outApproval,
          inApprovalRequired: joining.inApproval,
          createdAt: now,
          expiresAt: new Date(now.getTime() + TRANSFER_REQUEST_DAYS * DAY_MS),
        })
        .returning();
      const facts = await transferFacts(tx, transfer!);
      await recordTransferAudit(tx, ctx, facts, "account_transfer.requested");
      if (transfer!.outApprovalRequired || transfer!.inApprovalRequired) {
        return { id: transfer!.id, status: "pending" as const, licensedOnArrival: null };
      }
      const { licensedOnArrival } = await completeTransfer(tx, ctx, facts);
      return { id: transfer!.id, status: "completed" as const, licensedOnArrival };
    });
  } catch (error) {
    if (isUniqueViolation(error, "account_transfers_one_pending_per_account")) {
      throw new DomainError("CONFLICT", "transferAlreadyPending");
    }
    throw error;
  }
}
