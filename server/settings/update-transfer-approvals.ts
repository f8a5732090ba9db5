import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { changeSettings } from "./change-settings";

export interface TransferApprovals {
  transferInRequiresApproval: boolean;
  transferOutRequiresApproval: boolean;
}

/**
 * Whether the team's managers must allow people moving in and out. Requests already waiting
 * keep the approvals they were sent with.
 */
export async function updateTransferApprovals(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string } & TransferApprovals,
): Promise<void> {
  const { teamId, ...change } = input;
  await changeSettings(db, ctx, teamId, change);
}
