import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teamSettings, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import type { TeamProduct } from "../permissions";
import { teamName } from "./team-name";

/** A new team, its settings and its owner's membership, all at once. */
export async function createTeam(
  db: Queryable,
  ctx: DomainContext,
  input: {
    name: string;
    product: TeamProduct;
    ownerAccountId: string;
    /** The organisation owns the owner's Claris ID: it becomes managed by the new team, unless another team manages it. */
    ownerIsManaged?: boolean;
  },
): Promise<{ id: string; ownerMembershipId: string }> {
  const now = ctx.clock.now();
  const name = teamName(input.name);
  return db.transaction(async (tx) => {
    const [team] = await tx
      .insert(teams)
      .values({ name, product: input.product, status: "trial", createdAt: now })
      .returning({ id: teams.id });
    await tx.insert(teamSettings).values({ teamId: team!.id, updatedAt: now });
    const [owner] = await tx
      .insert(memberships)
      .values({
        teamId: team!.id,
        accountId: input.ownerAccountId,
        role: "owner",
        status: "active",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: memberships.id });
    const managed = input.ownerIsManaged
      ? await tx
          .update(accounts)
          .set({ managedByTeamId: team!.id, updatedAt: now })
          .where(and(eq(accounts.id, input.ownerAccountId), isNull(accounts.managedByTeamId)))
          .returning({ id: accounts.id })
      : [];
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: team!.id,
      action: "team.created",
      target: { type: "team", id: team!.id },
      after: {
        name,
        product: input.product,
        ownerAccountId: input.ownerAccountId,
        ownerManagedByTeam: managed.length > 0,
      },
    });
    return { id: team!.id, ownerMembershipId: owner!.id };
  });
}
