import { z } from "zod";
import { isProduction } from "../config/env";
import { DomainError } from "../errors";
import { listMailbox } from "../mail/mailbox";
import { publicProcedure, router } from "../trpc";

/** Tools for trying the console on one's own machine; absent in production. */
const devProcedure = publicProcedure.use(({ next }) => {
  if (isProduction()) throw new DomainError("NOT_FOUND", "There is no such page in production.");
  return next();
});

export const devRouter = router({
  mailbox: devProcedure
    .input(z.object({ to: z.string().max(320).optional() }))
    .query(({ ctx, input }) => listMailbox(ctx.db, input.to || undefined)),
});
