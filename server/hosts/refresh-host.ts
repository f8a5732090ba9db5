import "server-only";
import type { Database } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { HostDriverError } from "./filemaker-admin/host-errors";
import { type HostConnection, withHostDriver } from "./host-connection";
import { type HostObservation, observeHost } from "./observe-host";
import { type ObservedHost, recordObservation, recordUnreachable } from "./record-observation";

/**
 * Looks at a host through its Admin API and records what it saw, or that it could not be
 * reached. Returns the observation, or null when the host did not answer.
 */
export async function refreshHost(
  db: Database,
  ctx: DomainContext,
  host: ObservedHost & HostConnection,
): Promise<HostObservation | null> {
  let observation: HostObservation;
  try {
    observation = await withHostDriver(host, (driver) => observeHost(driver, ctx.clock.now()));
  } catch (error) {
    if (!(error instanceof HostDriverError)) throw error;
    await recordUnreachable(db, ctx, host, error.message);
    return null;
  }
  await recordObservation(db, ctx, host, observation);
  return observation;
}
