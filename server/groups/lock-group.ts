import { and, count, eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { customAppGroups, groups } from "@/db/schema";
import { DomainError } from "../errors";

export async function lockGroup(tx: Transaction, teamId: string, groupId: string) {
  const [group] = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.teamId, teamId), eq(groups.id, groupId)))
    .for("update");
  if (!group) throw new DomainError("NOT_FOUND", "thisGroupDoesNotExistIn2");
  return group;
}

/** How many custom apps the group opens: deleting it takes that access away from its members. */
export async function customAppsOfGroup(db: Queryable, teamId: string, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(customAppGroups)
    .where(and(eq(customAppGroups.teamId, teamId), eq(customAppGroups.groupId, groupId)));
  return row?.n ?? 0;
}
