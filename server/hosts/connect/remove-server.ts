import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hostOperations, hosts } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";

/**
 * Disconnects a team's own FileMaker Server from the console: the host, its custom apps and
 * figures go; the server itself is not touched. Cloud hosts are the platform's and stay.
 */
export async function removeServer(
  db: Database,
  ctx: DomainContext,
  input: { teamId: string; hostId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [host] = await tx
      .select({ id: hosts.id, name: hosts.name, kind: hosts.kind, adminApiUrl: hosts.adminApiUrl })
      .from(hosts)
      .where(and(eq(hosts.teamId, input.teamId), eq(hosts.id, input.hostId)))
      .for("update");
    if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
    if (host.kind !== "self_hosted") throw new DomainError("IN_USE", "cloudHostsCannotBeRemoved", { name: host.name });
    const [busy] = await tx
      .select({ id: hostOperations.id })
      .from(hostOperations)
      .where(and(eq(hostOperations.hostId, host.id), inArray(hostOperations.status, ["queued", "running"])))
      .limit(1);
    if (busy) throw new DomainError("IN_USE", "serverHasOperationUnderWay", { name: host.name });
    await tx.delete(hosts).where(and(eq(hosts.teamId, input.teamId), eq(hosts.id, host.id)));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "host.removed",
      target: { type: "host", id: host.id },
      before: { name: host.name, kind: host.kind, adminApiUrl: host.adminApiUrl },
    });
  });
}
