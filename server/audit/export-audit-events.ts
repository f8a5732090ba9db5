import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { csvLine } from "../members/csv/csv";
import { auditedExport } from "./audited-export";
import { type AuditFilter, listAuditEvents } from "./list-audit-events";

export type AuditExportFormat = "csv" | "jsonl";
export type AuditExportFilter = Omit<AuditFilter, "beforeSeq">;

const EXPORT_PAGE = 1000;

export const AUDIT_EXPORT_HEADER = [
  "seq",
  "occurred_at",
  "actor",
  "actor_type",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
  "ip",
  "request_id",
];

/** The filtered log as an audited export (`audit.exported` names the format and filter). */
export function startAuditExport(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; format: AuditExportFormat; filter: AuditExportFilter },
): Promise<AsyncGenerator<string>> {
  return auditedExport(
    db,
    ctx,
    { teamId: input.teamId, action: "audit.exported", after: { format: input.format, filter: input.filter } },
    () => exportAuditEvents(db, input.teamId, input.format, input.filter),
  );
}

/** The filtered events, newest first, one chunk per keyset page so memory stays flat. */
export async function* exportAuditEvents(
  db: Queryable,
  teamId: string,
  format: AuditExportFormat,
  filter: AuditExportFilter,
): AsyncGenerator<string> {
  if (format === "csv") yield csvLine(AUDIT_EXPORT_HEADER);
  let beforeSeq: number | undefined;
  do {
    const page = await listAuditEvents(db, teamId, { ...filter, beforeSeq }, EXPORT_PAGE);
    const records = page.events.map((e) => ({
      seq: e.seq,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actorLabel,
      actorType: e.actorType,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      before: e.before ?? null,
      after: e.after ?? null,
      ip: e.ip,
      requestId: e.requestId,
    }));
    yield format === "csv"
      ? records
          .map((r) =>
            csvLine([
              String(r.seq),
              r.occurredAt,
              r.actor,
              r.actorType,
              r.action,
              r.targetType,
              r.targetId,
              r.before === null ? "" : JSON.stringify(r.before),
              r.after === null ? "" : JSON.stringify(r.after),
              r.ip,
              r.requestId,
            ]),
          )
          .join("")
      : records.map((r) => `${JSON.stringify(r)}\n`).join("");
    beforeSeq = page.nextBeforeSeq ?? undefined;
  } while (beforeSeq);
}
