import "server-only";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { hostOperations, hosts } from "@/db/schema";
import { noRequest, systemActor } from "../../actor";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Clock } from "../../clock";
import type { DomainContext } from "../../domain-context";
import { logger } from "../../logger";
import { HostApiError, HostDriverError } from "../filemaker-admin/host-errors";
import { withHostDriver } from "../host-connection";
import { refreshHost } from "../refresh-host";
import { type OperationParameters, publicParameters } from "./operation-parameters";
import { type OperationOutcome, performOperation } from "./perform-operation";

/** An operation still running after this long lost its server on the way. */
export const INTERRUPTED_AFTER_MS = 10 * 60 * 1000;
const BATCH = 10;

type Operation = typeof hostOperations.$inferSelect;

/**
 * Runs queued host operations, oldest first. Each is claimed under a row lock and marked running
 * before the host is asked, so two app servers never run one twice; operations a dead server
 * left running are marked failed.
 */
export async function runHostOperationsJob(db: Database, clock: Clock): Promise<{ ran: number }> {
  const ctx: DomainContext = { actor: systemActor("Host operations"), clock, request: noRequest };
  await failInterrupted(db, ctx);
  const claimed = await claimQueued(db, clock);
  for (const operation of claimed) await runOperation(db, ctx, operation);
  return { ran: claimed.length };
}

async function claimQueued(db: Database, clock: Clock): Promise<Operation[]> {
  return db.transaction(async (tx) => {
    const queued = await tx
      .select({ id: hostOperations.id })
      .from(hostOperations)
      .where(eq(hostOperations.status, "queued"))
      .orderBy(asc(hostOperations.createdAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (queued.length === 0) return [];
    return tx
      .update(hostOperations)
      .set({ status: "running", startedAt: clock.now() })
      .where(
        inArray(
          hostOperations.id,
          queued.map((row) => row.id),
        ),
      )
      .returning();
  });
}

async function runOperation(db: Database, ctx: DomainContext, operation: Operation) {
  const [host] = await db.select().from(hosts).where(eq(hosts.id, operation.hostId));
  if (!host) return;
  let outcome: OperationOutcome;
  try {
    outcome = await withHostDriver(host, (driver) =>
      performOperation(driver, operation.kind, operation.parameters as OperationParameters),
    );
  } catch (error) {
    await refreshHost(db, ctx, host);
    await finish(db, ctx, operation, { status: "failed", failure: failureOf(error, operation) });
    return;
  }
  await refreshHost(db, ctx, host);
  await finish(db, ctx, operation, { status: "succeeded", ...outcome });
}

/** The host's own words for a refusal; the driver's for a failure to reach it. */
function failureOf(error: unknown, operation: Operation): string {
  if (error instanceof HostApiError) return error.apiText;
  if (error instanceof HostDriverError) return error.message;
  logger.error({ operationId: operation.id, kind: operation.kind, err: error }, "host operation failed");
  return "The console could not run the operation.";
}

type Ending = ({ status: "succeeded" } & OperationOutcome) | ({ status: "failed"; failure: string } & OperationOutcome);

/** Records the end of an operation and wipes any secret it carried, in one audited transaction. */
async function finish(db: Database | Transaction, ctx: DomainContext, operation: Operation, ending: Ending) {
  const failure = ending.status === "failed" ? ending.failure : null;
  await db.transaction(async (tx) => {
    await tx
      .update(hostOperations)
      .set({
        status: ending.status,
        failure,
        before: ending.before ?? null,
        after: ending.after ?? null,
        parameters: publicParameters(operation.parameters),
        finishedAt: ctx.clock.now(),
      })
      .where(eq(hostOperations.id, operation.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: operation.teamId,
      action: ending.status === "succeeded" ? "host.operation_succeeded" : "host.operation_failed",
      target: { type: "host", id: operation.hostId },
      ...(operation.requestedByAccountId ? { onBehalfOfAccountId: operation.requestedByAccountId } : {}),
      before: ending.before,
      after: {
        operationId: operation.id,
        kind: operation.kind,
        parameters: publicParameters(operation.parameters),
        requestedByAccountId: operation.requestedByAccountId,
        ...(failure ? { failure } : {}),
        ...ending.after,
      },
    });
  });
}

async function failInterrupted(db: Database, ctx: DomainContext) {
  const cutoff = new Date(ctx.clock.now().getTime() - INTERRUPTED_AFTER_MS);
  await db.transaction(async (tx) => {
    const stale = await tx
      .select()
      .from(hostOperations)
      .where(and(eq(hostOperations.status, "running"), lt(hostOperations.startedAt, cutoff)))
      .for("update", { skipLocked: true });
    for (const operation of stale) await finish(tx, ctx, operation, { status: "failed", failure: "interrupted" });
  });
}
