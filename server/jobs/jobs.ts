import { deliverDueMail } from "../mail/deliver-mail";
import { configuredMailTransport } from "../mail/smtp-transport";
import type { Job } from "./job-runner";

/** The jobs every app server runs. */
export function serverJobs(): Job[] {
  const transport = configuredMailTransport();
  return [
    // Without SMTP_URL mail stays in the outbox, where the development mailbox shows it.
    ...(transport ? [{ name: "mail.deliver", run: (db, clock) => deliverDueMail(db, transport, clock) } satisfies Job] : []),
  ];
}
