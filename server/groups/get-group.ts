import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups } from "@/db/schema";
import { DomainError } from "../errors";
import { customAppsOfGroup } from "./lock-group";

/** The team's group; a group of another team is as missing as one that never existed, so ids cannot be probed. */
export async function teamGroup(db: Queryable, teamId: string, groupId: string) {
  const [group] = await db
    .select({ id: groups.id, name: groups.name, identityProviderGroup: groups.identityProviderGroup })
    .from(groups)
    .where(and(eq(groups.teamId, teamId), eq(groups.id, groupId)));
  if (!group) throw new DomainError("NOT_FOUND", "thisGroupDoesNotExistIn");
  return group;
}

export async function getGroup(db: Queryable, teamId: string, groupId: string) {
  const group = await teamGroup(db, teamId, groupId);
  return { ...group, customApps: await customAppsOfGroup(db, teamId, groupId) };
}
