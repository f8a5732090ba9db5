import type { Queryable } from "@/db/client";
import { alertIfChainBroken } from "../alerts/chain-alert";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { anchorTeamHead } from "./anchor-head";
import { checkAuditIntegrity, type IntegrityReport } from "./anchor-verify";

/**
 * The Verify integrity button of a team manager: signs the current head, then checks the
 * whole log against it and every earlier anchor. The anchor row records who asked; it is not
 * an audit event, since one would move the head past the anchor just signed. A broken log
 * raises a security alert.
 */
export async function anchorAndVerify(db: Queryable, ctx: DomainContext, teamId: string): Promise<IntegrityReport> {
  if (ctx.actor.kind !== "account" && ctx.actor.kind !== "system") {
    throw new DomainError("READ_ONLY", "supportSessionsAreReadOnly");
  }
  const anchoredBy = ctx.actor.kind === "account" ? ctx.actor.email : ctx.actor.label;
  await anchorTeamHead(db, { teamId, now: ctx.clock.now(), anchoredBy });
  const report = await checkAuditIntegrity(db, teamId);
  await alertIfChainBroken(db, teamId, report, "console", ctx.clock.now());
  return report;
}
