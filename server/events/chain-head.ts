import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { eventDispatchCursors } from "@/db/schema";

/** The dispatch cursor's key of a chain: the team's id, or "platform". */
export function chainKey(teamId: string | null): string {
  return teamId ?? "platform";
}

/**
 * Moves the chain's head to the event just appended, in the event's transaction and under the
 * chain lock the append holds, so the dispatcher sees the event exactly when it is committed.
 */
export async function moveChainHead(tx: Transaction, teamId: string | null, seq: number): Promise<void> {
  await tx
    .insert(eventDispatchCursors)
    .values({ chain: chainKey(teamId), teamId, headSeq: seq, dispatchedSeq: 0 })
    .onConflictDoUpdate({ target: eventDispatchCursors.chain, set: { headSeq: sql`excluded.head_seq` } });
}
