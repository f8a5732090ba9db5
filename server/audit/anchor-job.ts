import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "@/db/client";
import type { Clock } from "../clock";
import { anchorTeamHead } from "./anchor-head";
import type { SigningKeyRing } from "./anchor-keys";

export const ANCHOR_INTERVAL_MS = 60 * 60 * 1000;
export const SCHEDULED_ANCHOR_LABEL = "Hourly anchoring";

/**
 * Signs the head of every team whose chain grew since its last anchor and whose last anchor
 * is an hour old (or that has none). Safe on several servers at once: a head is anchored
 * once, whoever gets there first.
 */
export async function runAnchorJob(db: Database, clock: Clock, ring?: SigningKeyRing): Promise<{ anchored: number }> {
  const now = clock.now();
  const dueBefore = new Date(now.getTime() - ANCHOR_INTERVAL_MS);
  const due = rowsOf<{ team_id: string }>(
    await db.execute(sql`
      select t.id as team_id
      from teams t
      cross join lateral (select e.seq from audit_events e where e.team_id = t.id order by e.seq desc limit 1) head
      left join lateral (
        select a.seq, a.signed_at from audit_anchors a where a.team_id = t.id order by a.seq desc limit 1
      ) anchored on true
      where anchored.seq is null or (anchored.seq < head.seq and anchored.signed_at <= ${dueBefore.toISOString()}::timestamptz)
    `),
  );
  let anchored = 0;
  for (const { team_id: teamId } of due) {
    if (await anchorTeamHead(db, { teamId, now, anchoredBy: SCHEDULED_ANCHOR_LABEL }, ring)) anchored += 1;
  }
  return { anchored };
}
