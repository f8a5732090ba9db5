import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { customAppGroups, customApps, groups, hosts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** Records a custom app uploaded to a host, and the groups whose members may use it. */
export async function createCustomApp(
  db: Queryable,
  ctx: DomainContext,
  input: {
    teamId: string;
    hostId: string;
    name: string;
    status: "open" | "closed" | "paused";
    sizeBytes: number;
    groupIds: string[];
  },
): Promise<{ id: string }> {
  try {
    return await db.transaction(async (tx) => {
      const [host] = await tx
        .select({ id: hosts.id })
        .from(hosts)
        .where(and(eq(hosts.teamId, input.teamId), eq(hosts.id, input.hostId)));
      if (!host) throw new DomainError("NOT_FOUND", "thisHostDoesNotExistIn");
      if (input.groupIds.length > 0) {
        const found = await tx
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.teamId, input.teamId), inArray(groups.id, input.groupIds)));
        if (found.length !== new Set(input.groupIds).size)
          throw new DomainError("NOT_FOUND", "someOfTheseGroupsAreNot");
      }
      const [app] = await tx
        .insert(customApps)
        .values({
          teamId: input.teamId,
          hostId: host.id,
          name: input.name.trim(),
          status: input.status,
          sizeBytes: input.sizeBytes,
          createdAt: ctx.clock.now(),
        })
        .returning({ id: customApps.id });
      if (input.groupIds.length > 0) {
        await tx
          .insert(customAppGroups)
          .values(input.groupIds.map((groupId) => ({ teamId: input.teamId, customAppId: app!.id, groupId })));
      }
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "custom_app.created",
        target: { type: "custom_app", id: app!.id },
        after: { hostId: host.id, name: input.name.trim(), status: input.status, groupIds: input.groupIds },
      });
      return app!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "custom_apps_host_name_ci_unique")) {
      throw new DomainError("CONFLICT", "aCustomAppNamedAlreadyExists", { name: input.name });
    }
    throw error;
  }
}
