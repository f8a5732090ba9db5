import { z } from "zod";
import { auditFacets, listAuditEvents } from "../audit/list-audit-events";
import { router, teamProcedure } from "../trpc";

export const auditRouter = router({
  list: teamProcedure("audit.read")
    .input(
      z
        .object({
          actorLabel: z.string().max(320).optional(),
          action: z.string().max(100).optional(),
          from: z.date().optional(),
          to: z.date().optional(),
          beforeSeq: z.number().int().positive().optional(),
        })
        .refine((f) => !f.from || !f.to || f.from < f.to, { message: "The start of the date range must be before its end", path: ["from"] }),
    )
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.access.team.id, input)),
  facets: teamProcedure("audit.read").query(({ ctx }) => auditFacets(ctx.db, ctx.access.team.id)),
});
