import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { auditContext } from "./audit-context";
import { recordAudit } from "./record-audit";

/**
 * Records who carries a team's data away, and with which filter, then hands back the export
 * to stream. The event is written before the first byte, so an interrupted download still shows.
 */
export async function auditedExport<T>(
  db: Queryable,
  ctx: DomainContext,
  event: { teamId: string; action: string; after: unknown },
  stream: () => AsyncGenerator<T>,
): Promise<AsyncGenerator<T>> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      ...auditContext(ctx),
      teamId: event.teamId,
      action: event.action,
      target: { type: "team", id: event.teamId },
      after: event.after,
    }),
  );
  return stream();
}
