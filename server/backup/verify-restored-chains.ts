import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { checkAuditIntegrity } from "../audit/anchor-verify";
import { verifyAuditChain } from "../audit/verify-chain";
import { auditChainHeads } from "./database-facts";
import type { AuditChainHead } from "./manifest";

export interface ChainCheck {
  chains: number;
  events: number;
  problems: string[];
}

/**
 * Every audit chain of the restored database recomputed from its first event (with its signed
 * heads), and ending exactly at the head the manifest recorded: nothing lost, nothing added.
 */
export async function verifyRestoredChains(db: Database, heads: AuditChainHead[]): Promise<ChainCheck> {
  const problems: string[] = [];
  let events = 0;
  const expected = new Map(heads.map((head) => [head.teamId, head]));
  for (const found of await auditChainHeads(db)) {
    if (!expected.has(found.teamId)) problems.push(`${chainName(found.teamId)}: not in the backup's manifest.`);
  }
  for (const head of heads) {
    const name = chainName(head.teamId);
    const verdict = await verifyChain(db, head.teamId);
    events += verdict.events;
    if (verdict.broken) {
      problems.push(`${name}: ${verdict.broken}`);
      continue;
    }
    if (verdict.events !== head.seq) {
      problems.push(`${name}: ends at event ${verdict.events}, the manifest's head is event ${head.seq}.`);
      continue;
    }
    const [last] = await db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(
        and(
          head.teamId ? eq(auditEvents.teamId, head.teamId) : isNull(auditEvents.teamId),
          eq(auditEvents.seq, head.seq),
        ),
      );
    if (last?.hash !== head.hash) problems.push(`${name}: event ${head.seq} is not the one the manifest recorded.`);
  }
  return { chains: heads.length, events, problems };
}

async function verifyChain(db: Database, teamId: string | null): Promise<{ events: number; broken: string | null }> {
  if (teamId) {
    const report = await checkAuditIntegrity(db, teamId);
    return {
      events: report.events,
      broken: report.intact ? null : `broken at event ${report.brokenAt}. ${report.problem}`,
    };
  }
  const verdict = await verifyAuditChain(db, null);
  return { events: verdict.events, broken: verdict.valid ? null : `event ${verdict.seq} ${verdict.problem}.` };
}

function chainName(teamId: string | null): string {
  return teamId ? `team ${teamId}'s audit chain` : "the platform audit chain";
}
