import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groups } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { lockGroup } from "./lock-group";

export async function renameGroup(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; groupId: string; name: string },
): Promise<void> {
  const name = input.name.trim();
  if (!name) throw new DomainError("INVALID_INPUT", "enterANameForTheGroup");
  try {
    await db.transaction(async (tx) => {
      const group = await lockGroup(tx, input.teamId, input.groupId);
      if (group.name === name) return;
      await tx.update(groups).set({ name }).where(eq(groups.id, group.id));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "group.renamed",
        target: { type: "group", id: group.id },
        before: { name: group.name },
        after: { name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "groups_team_name_ci_unique")) {
      throw new DomainError("CONFLICT", "aGroupNamedAlreadyExistsIn", { name });
    }
    throw error;
  }
}
