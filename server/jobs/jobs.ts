import { runTransferExpiryJob } from "../account-transfers/expire-transfers-job";
import { runAlertDeliveryJob } from "../alerts/deliver-alerts-job";
import { runForgetAlertCountersJob } from "../alerts/forget-counters-job";
import { runApiKeyExpiryNoticeJob } from "../api-keys/expiry-notices-job";
import { runAnchorJob } from "../audit/anchor-job";
import { runForgetCountersJob } from "../auth/forget-counters-job";
import { runNoticeJob } from "../billing/notices-job";
import { runPurgeJob } from "../billing/purge-job";
import { runSubscriptionJob } from "../billing/renewal-job";
import { resumeFlowsInNewMonth } from "../connect-usage/usage-limits";
import { dispatchEvents } from "../events/dispatch-events";
import { rollUpHostMetrics } from "../hosts/metrics/rollup-metrics";
import { runHostOperationsJob } from "../hosts/operations/run-operations-job";
import { pollHosts } from "../hosts/poll/poll-hosts";
import { deliverDueMail } from "../mail/deliver-mail";
import { runMailRetentionJob } from "../mail/mail-retention-job";
import { configuredMailTransport } from "../mail/smtp-transport";
import { runNotificationRetentionJob } from "../notifications/retention-job";
import { runDepartedRetentionJob } from "../privacy/departed-retention-job";
import { forgetIdempotencyKeys } from "../rest/idempotency";
import { recheckDomains } from "../sso/domains/recheck-domains";
import { runForgetSignInLeftoversJob } from "../sso/forget-sign-in-leftovers-job";
import { runWebhookDeliveryJob } from "../webhooks/deliver-webhooks-job";
import { runWebhookRetentionJob } from "../webhooks/delivery-retention-job";
import type { Job } from "./job-runner";

/** The jobs every app server runs. */
export function serverJobs(): Job[] {
  const transport = configuredMailTransport();
  return [
    // Renewals and ends first, so their notices and a due purge see the new state in the same tick.
    { name: "subscription.renewals", run: (db, clock) => runSubscriptionJob(db, clock) },
    { name: "billing.notices", run: (db, clock) => runNoticeJob(db, clock) },
    { name: "teams.retention-purge", run: (db, clock) => runPurgeJob(db, clock) },
    { name: "apiKeys.expiry-notices", run: (db, clock) => runApiKeyExpiryNoticeJob(db, clock) },
    { name: "accountTransfers.expire", run: (db, clock) => runTransferExpiryJob(db, clock) },
    // After the purge, so a purged team's final event is signed too.
    { name: "audit.anchor-heads", run: (db, clock) => runAnchorJob(db, clock) },
    // Without SMTP_URL mail stays in the outbox, where the development mailbox shows it.
    ...(transport
      ? [{ name: "mail.deliver", run: (db, clock) => deliverDueMail(db, transport, clock) } satisfies Job]
      : []),
    { name: "mail.retention", run: (db, clock) => runMailRetentionJob(db, clock) },
    { name: "teams.departed-user-retention", run: (db, clock) => runDepartedRetentionJob(db, clock) },
    { name: "auth.forget-counters", run: (db, clock) => runForgetCountersJob(db, clock) },
    { name: "sso.forget-sign-in-leftovers", run: (db, clock) => runForgetSignInLeftoversJob(db, clock) },
    { name: "sso.recheck-domains", run: (db, clock) => recheckDomains(db, clock) },
    { name: "hosts.operations", run: (db, clock) => runHostOperationsJob(db, clock) },
    { name: "hosts.poll", run: (db, clock) => pollHosts(db, clock) },
    { name: "hosts.metrics-rollup", run: (db, clock) => rollUpHostMetrics(db, clock) },
    { name: "api.forget-idempotency-keys", run: (db, clock) => forgetIdempotencyKeys(db, clock) },
    { name: "connect.resume-flows", run: (db, clock) => resumeFlowsInNewMonth(db, clock) },
    // After every job that records events, so what they recorded in this tick goes out in the same tick.
    { name: "events.dispatch", run: (db, clock) => dispatchEvents(db, clock) },
    { name: "notifications.retention", run: (db, clock) => runNotificationRetentionJob(db, clock) },
    // After the dispatch, so deliveries it made in this tick are sent in the same tick.
    { name: "webhooks.deliver", run: (db, clock) => runWebhookDeliveryJob(db, clock) },
    { name: "webhooks.retention", run: (db, clock) => runWebhookRetentionJob(db, clock) },
    // After the dispatch too: the alerts its events raised reach the operator in the same tick.
    { name: "alerts.deliver", run: (db, clock) => runAlertDeliveryJob(db, clock) },
    { name: "alerts.forget-counters", run: (db, clock) => runForgetAlertCountersJob(db, clock) },
  ];
}
