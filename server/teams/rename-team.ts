import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { teamName } from "./team-name";

/** Gives the team a new name; the old and new names are audited together with the change. */
export async function renameTeam(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; name: string },
): Promise<{ name: string }> {
  const name = teamName(input.name);
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ name: teams.name })
      .from(teams)
      .where(eq(teams.id, input.teamId))
      .for("no key update");
    if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
    if (team.name === name) return { name };
    await tx.update(teams).set({ name }).where(eq(teams.id, input.teamId));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "team.renamed",
      target: { type: "team", id: input.teamId },
      before: { name: team.name },
      after: { name },
    });
    return { name };
  });
}
