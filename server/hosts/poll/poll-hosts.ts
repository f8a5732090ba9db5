import "server-only";
import type { Database } from "@/db/client";
import { noRequest, systemActor } from "../../actor";
import type { Clock } from "../../clock";
import type { DomainContext } from "../../domain-context";
import { logger } from "../../logger";
import { refreshHost } from "../refresh-host";
import { claimDueHosts } from "./claim-due-hosts";
import { stopIfTeamTerminated } from "./stop-terminated-host";

/** Hosts looked at side by side: a host that times out holds one of these, not the whole poll. */
const CONCURRENT_LOOKS = 4;

/**
 * The minute look at every host: claims the hosts due, then refreshes them a few at a time.
 * A host that cannot be reached is recorded so by the refresh; anything else that goes wrong
 * with one host is logged and leaves the others to be looked at.
 */
export async function pollHosts(
  db: Database,
  clock: Clock,
  batchSize = 50,
): Promise<{ polled: number; reached: number; failed: number }> {
  const ctx: DomainContext = { actor: systemActor("Host poll"), clock, request: noRequest };
  const claimed = await claimDueHosts(db, clock.now(), batchSize);
  let reached = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const host = claimed[next++]!;
      try {
        const observation = await refreshHost(db, ctx, host);
        if (!observation) continue;
        reached += 1;
        if (observation.running) await stopIfTeamTerminated(db, ctx, host);
      } catch (error) {
        failed += 1;
        logger.error({ hostId: host.id, err: error }, "host poll failed");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOOKS, claimed.length) }, worker));
  return { polled: claimed.length, reached, failed };
}
