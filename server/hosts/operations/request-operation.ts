import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { hostOperations } from "@/db/schema";
import { actingAccountId } from "../../actor";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import type { OperationHost } from "./operation-host";
import {
  type HostOperationKind,
  type HostOperationStatus,
  type OperationParameters,
  publicParameters,
  sameRequest,
} from "./operation-parameters";

export interface OperationRequest {
  kind: HostOperationKind;
  parameters: OperationParameters;
}

/**
 * Queues an operation on a host. One runs at a time per host: asking again for the operation in
 * progress answers that one (a double click), anything else is refused until it has finished.
 * The partial unique index on active operations settles two requests that race.
 */
export async function requestOperation(
  db: Queryable,
  ctx: DomainContext,
  host: OperationHost,
  request: OperationRequest,
): Promise<{ id: string; status: HostOperationStatus }> {
  try {
    return await db.transaction(async (tx) => {
      const active = await activeOperation(tx, host.id);
      if (active) return answerFor(active, host, request);
      const [created] = await tx
        .insert(hostOperations)
        .values({
          teamId: host.teamId,
          hostId: host.id,
          kind: request.kind,
          parameters: request.parameters,
          requestedByAccountId: requesterOf(ctx),
          createdAt: ctx.clock.now(),
        })
        .returning({ id: hostOperations.id, status: hostOperations.status });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: host.teamId,
        action: "host.operation_requested",
        target: { type: "host", id: host.id },
        after: { operationId: created!.id, kind: request.kind, parameters: publicParameters(request.parameters) },
      });
      return created!;
    });
  } catch (error) {
    if (!isUniqueViolation(error, "host_operations_one_active_per_host")) throw error;
    const active = await activeOperation(db, host.id);
    // The other request finished between the two reads: this one may simply be asked again.
    if (!active) throw new DomainError("CONFLICT", "anotherOperationJustFinishedOn", { hostName: host.name });
    return answerFor(active, host, request);
  }
}

function requesterOf(ctx: DomainContext): string | null {
  return actingAccountId(ctx.actor);
}

async function activeOperation(db: Queryable, hostId: string) {
  const [active] = await db
    .select({
      id: hostOperations.id,
      kind: hostOperations.kind,
      status: hostOperations.status,
      parameters: hostOperations.parameters,
    })
    .from(hostOperations)
    .where(and(eq(hostOperations.hostId, hostId), inArray(hostOperations.status, ["queued", "running"])));
  return active;
}

function answerFor(
  active: { id: string; kind: HostOperationKind; status: HostOperationStatus; parameters: unknown },
  host: OperationHost,
  request: OperationRequest,
) {
  if (sameRequest(active, request)) return { id: active.id, status: active.status };
  throw new DomainError("CONFLICT", "anOperationIsAlreadyInProgressOn", {
    operation: active.kind,
    status: active.status,
    hostName: host.name,
  });
}
