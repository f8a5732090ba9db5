/**
 * The public catalogue of webhook event types: what a receiver may subscribe to, each made
 * from one or more audit actions, with the facts of the audit event's before/after it carries.
 * Only the listed top-level fields leave the console: no email address, person's name, phone,
 * IP address, user agent or free text a person typed (a cancellation reason, a support note);
 * people are named by their membership or account id, which a receiver can look up through
 * the REST API with a key allowed to. Adding a type is adding an entry here (and its label).
 */
interface EventTypeRule {
  actions: readonly string[];
  fields: readonly string[];
}

const MEMBER = ["accountId", "role", "licensed", "status"] as const;
const HOST = ["name", "hostname", "region", "computeSize", "filemakerVersion", "status", "kind"] as const;
const TERMS = [
  "plan",
  "planVersion",
  "billingPeriod",
  "seats",
  "extraStorageGb",
  "extraDataTransferGb",
  "extraRequests",
] as const;

const CONNECT_USAGE = ["month", "requests", "requestLimit", "percent"] as const;

export const WEBHOOK_EVENT_TYPES = {
  "member.invited": { actions: ["invitation.created"], fields: ["role", "licensed", "groupIds", "customAppId"] },
  "member.joined": { actions: ["invitation.accepted", "membership.added"], fields: [...MEMBER, "groupIds"] },
  "member.role_changed": { actions: ["membership.role_changed"], fields: ["role"] },
  "member.licence_changed": {
    actions: ["membership.licence_added", "membership.licence_removed"],
    fields: ["licensed"],
  },
  "member.deactivated": { actions: ["membership.deactivated"], fields: ["status"] },
  "member.reactivated": { actions: ["membership.reactivated"], fields: ["status"] },
  "member.removed": { actions: ["membership.removed"], fields: MEMBER },
  "member.transferred": {
    actions: ["account_transfer.completed"],
    fields: ["accountId", "fromTeamId", "toTeamId", "role", "licensed"],
  },
  "group.created": { actions: ["group.created"], fields: ["name"] },
  "group.renamed": { actions: ["group.renamed"], fields: ["name"] },
  "group.deleted": { actions: ["group.deleted"], fields: ["name", "members"] },
  "group.members_added": { actions: ["group.members_added"], fields: ["membershipIds"] },
  "group.members_removed": { actions: ["group.members_removed"], fields: ["membershipIds"] },
  "host.created": { actions: ["host.created", "host.connected"], fields: HOST },
  "host.removed": { actions: ["host.removed"], fields: ["name", "kind"] },
  "host.operation_succeeded": { actions: ["host.operation_succeeded"], fields: ["operationId", "kind"] },
  "host.operation_failed": { actions: ["host.operation_failed"], fields: ["operationId", "kind"] },
  "subscription.started": {
    actions: ["subscription.started", "subscription.trial_started"],
    fields: [...TERMS, "trialEndsAt"],
  },
  "subscription.changed": { actions: ["subscription.changed"], fields: TERMS },
  "subscription.renewed": { actions: ["subscription.renewed"], fields: ["periodStart", "periodEnd", "status"] },
  "subscription.cancelled": { actions: ["subscription.cancelled"], fields: ["cancelAtPeriodEnd", "endsAt"] },
  "subscription.reactivated": { actions: ["subscription.reactivated"], fields: ["cancelAtPeriodEnd", "renewsAt"] },
  "subscription.past_due": { actions: ["subscription.past_due"], fields: ["status"] },
  "subscription.paid_up": { actions: ["subscription.paid_up", "subscription.trial_converted"], fields: ["status"] },
  "team.renamed": { actions: ["team.renamed"], fields: ["name"] },
  "connect.usage_warning": { actions: ["connect.usage_warning"], fields: CONNECT_USAGE },
  "connect.flows_suspended": { actions: ["connect.flows_suspended"], fields: CONNECT_USAGE },
  "connect.flows_resumed": { actions: ["connect.flows_resumed"], fields: [...CONNECT_USAGE, "reason"] },
} as const satisfies Record<string, EventTypeRule>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

/** Subscribes an endpoint to every type, including types added later. */
export const ALL_EVENT_TYPES = "*";

/** Sent only by Send test event, to the one endpoint it was sent from; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];

const TYPE_OF_ACTION = new Map<string, WebhookEventType>(
  EVENT_TYPE_NAMES.flatMap((type) => WEBHOOK_EVENT_TYPES[type].actions.map((action) => [action, type] as const)),
);

/** The public type an audit action is delivered as, if any. */
export function eventTypeOfAction(action: string): WebhookEventType | undefined {
  return TYPE_OF_ACTION.get(action);
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_TYPES, value);
}
