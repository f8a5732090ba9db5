import type { Queryable } from "@/db/client";
import { groups } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { requireProduct } from "../teams/require-product";

export async function createGroup(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; name: string },
): Promise<{ id: string }> {
  const name = input.name.trim();
  try {
    return await db.transaction(async (tx) => {
      await requireProduct(tx, input.teamId, "filemaker_cloud", "groups");
      const [group] = await tx
        .insert(groups)
        .values({ teamId: input.teamId, name, createdAt: ctx.clock.now() })
        .returning({ id: groups.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "group.created",
        target: { type: "group", id: group!.id },
        after: { name },
      });
      return group!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "groups_team_name_ci_unique")) {
      throw new DomainError("CONFLICT", "aGroupNamedAlreadyExistsIn", { name });
    }
    throw error;
  }
}
