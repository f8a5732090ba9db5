import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teams } from "@/db/schema";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { requestHostPower } from "../operations/request-host-operations";

/**
 * A terminated team's cloud hosts stay stopped: when a look finds one running (the end of the
 * subscription, or someone starting it at the host), the platform queues its stop. A host busy
 * with another operation is stopped at a later look.
 */
export async function stopIfTeamTerminated(
  db: Database,
  ctx: DomainContext,
  host: { id: string; teamId: string; kind: "cloud" | "self_hosted" },
): Promise<boolean> {
  if (host.kind !== "cloud") return false;
  const [team] = await db.select({ status: teams.status }).from(teams).where(eq(teams.id, host.teamId));
  if (team?.status !== "terminated") return false;
  try {
    await requestHostPower(db, ctx, { teamId: host.teamId, hostId: host.id, kind: "stop_host" });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT") return false;
    throw error;
  }
}
