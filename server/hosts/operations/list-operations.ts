import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, hostOperations } from "@/db/schema";
import { operationHost } from "./operation-host";
import { publicParameters } from "./operation-parameters";

const RECENT = 20;

/** A host's latest operations, newest first, with who asked for each; never a secret they carried. */
export async function listOperations(db: Queryable, teamId: string, hostId: string) {
  const host = await operationHost(db, teamId, hostId);
  const rows = await db
    .select({
      id: hostOperations.id,
      kind: hostOperations.kind,
      parameters: hostOperations.parameters,
      status: hostOperations.status,
      failure: hostOperations.failure,
      requestedBy: accounts.name,
      createdAt: hostOperations.createdAt,
      startedAt: hostOperations.startedAt,
      finishedAt: hostOperations.finishedAt,
    })
    .from(hostOperations)
    .leftJoin(accounts, eq(accounts.id, hostOperations.requestedByAccountId))
    .where(and(eq(hostOperations.teamId, teamId), eq(hostOperations.hostId, host.id)))
    .orderBy(desc(hostOperations.createdAt), desc(hostOperations.id))
    .limit(RECENT);
  return rows.map((row) => ({ ...row, parameters: publicParameters(row.parameters) }));
}
