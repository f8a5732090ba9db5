import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { hosts } from "@/db/schema";
import { DomainError } from "../../errors";

/** The team's host an operation is asked for, connection included; another team's host does not exist here. */
export async function operationHost(db: Queryable, teamId: string, hostId: string) {
  const [host] = await db
    .select()
    .from(hosts)
    .where(and(eq(hosts.teamId, teamId), eq(hosts.id, hostId)));
  if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
  return host;
}

export type OperationHost = Awaited<ReturnType<typeof operationHost>>;
