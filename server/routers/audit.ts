import { z } from "zod";
import { checkAuditIntegrity } from "../audit/anchor-verify";
import { startAuditExport } from "../audit/export-audit-events";
import { auditFacets, listAuditEvents } from "../audit/list-audit-events";
import { anchorAndVerify } from "../audit/verify-integrity";
import { router, teamProcedure } from "../trpc";

/** The Audit log page's filters, shared by the list and the export. */
const auditFilter = z.object({
  actorLabel: z.string().max(320).optional(),
  action: z.string().max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
});
const dateRangeInOrder: [(f: { from?: Date; to?: Date }) => boolean, { message: string; path: string[] }] = [
  (f) => !f.from || !f.to || f.from < f.to,
  { message: "The start of the date range must be before its end", path: ["from"] },
];

export const auditRouter = router({
  list: teamProcedure("audit.read")
    .input(auditFilter.extend({ beforeSeq: z.number().int().positive().optional() }).refine(...dateRangeInOrder))
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.access.team.id, input)),
  facets: teamProcedure("audit.read").query(({ ctx }) => auditFacets(ctx.db, ctx.access.team.id)),
  /** Checks the chain and its signed heads without writing: what a support session can do. */
  integrity: teamProcedure("audit.read").query(({ ctx }) => checkAuditIntegrity(ctx.db, ctx.access.team.id)),
  /** Signs the current head, then checks the chain and every signed head. */
  verify: teamProcedure("audit.verify").mutation(({ ctx }) => anchorAndVerify(ctx.db, ctx, ctx.access.team.id)),
  /** CSV or JSON Lines chunks of the filtered log, pulled one keyset page at a time; the export is audited. */
  export: teamProcedure("audit.export")
    .input(auditFilter.extend({ format: z.enum(["csv", "jsonl"]) }).refine(...dateRangeInOrder))
    .query(({ ctx, input: { teamId, format, ...filter } }) =>
      startAuditExport(ctx.db, ctx, { teamId: ctx.access.team.id, format, filter }),
    ),
});
