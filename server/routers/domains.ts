import { z } from "zod";
import { addDomain } from "../sso/domains/add-domain";
import { listDomains } from "../sso/domains/list-domains";
import { removeDomain } from "../sso/domains/remove-domain";
import { verifyDomain } from "../sso/domains/verify-domain";
import { router, teamProcedure } from "../trpc";

export const addDomainInput = z.object({
  domain: z
    .string({ message: "Enter a domain like example.com." })
    .trim()
    .min(1, "Enter a domain like example.com.")
    .max(253, "A domain has at most 253 characters."),
});
export const oneDomainInput = z.object({ domainId: z.uuid() });

export const domainsRouter = router({
  list: teamProcedure("sso.read").query(({ ctx }) => listDomains(ctx.db, ctx.access.team.id)),
  add: teamProcedure("sso.manage")
    .input(addDomainInput)
    .mutation(({ ctx, input }) => addDomain(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  verify: teamProcedure("sso.manage")
    .input(oneDomainInput)
    .mutation(({ ctx, input }) => verifyDomain(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  remove: teamProcedure("sso.manage")
    .input(oneDomainInput)
    .mutation(({ ctx, input }) => removeDomain(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
