import { z } from "zod";
import { isDemo, mailboxShowsMail } from "../config/env";
import { DomainError } from "../errors";
import { listMailbox } from "../mail/mailbox";
import { publicProcedure, router } from "../trpc";

/** Tools for trying the console as a demo; they do not exist in any other mode. */
const demoProcedure = publicProcedure.use(({ next }) => {
  if (!isDemo()) throw new DomainError("NOT_FOUND", "thereIsNoSuchPageOutside");
  return next();
});

export const mailboxInput = z.object({ to: z.string().max(320).optional() });

export const devRouter = router({
  /** With SMTP_URL set, mail leaves for the SMTP server and the Mailbox keeps none of it. */
  mailbox: demoProcedure
    .input(mailboxInput)
    .query(async ({ ctx, input }) => (mailboxShowsMail() ? listMailbox(ctx.db, input.to || undefined) : [])),
});
