import { z } from "zod";
import { MEMBER_ACTIONS } from "../members/allowed-actions";

/**
 * The resources of the REST Admin API: what each answer holds, in plain JSON (times as ISO
 * 8601 text). Every answer is checked against its schema before it leaves, so the OpenAPI
 * document, which is generated from these schemas, cannot promise what the API does not send.
 */
export const restSchemas = z.registry<{ id: string; description?: string }>();

const timestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = timestamp.nullable();
const roleOfMember = z.enum(["owner", "manager", "member"]);

export const UserResource = z
  .strictObject({
    id: z.uuid().describe("The user's membership id in the team: the id the API's user paths take."),
    accountId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleOfMember,
    licensed: z.boolean().describe("Uses one of the subscription's seats (FileMaker Cloud)."),
    status: z.enum(["invited", "active", "deactivated"]),
    managed: z.boolean().describe("The account is managed by this team."),
    twoStepVerification: z.boolean(),
    lastSignInAt: nullableTimestamp,
    identityProvider: z.string().nullable().describe("The identity provider the user last signed in through."),
    allowedActions: z.array(z.enum(MEMBER_ACTIONS)).describe("What the key's creator may do to this user."),
  })
  .register(restSchemas, { id: "User" });

export const UserPageResource = z
  .strictObject({
    data: z.array(UserResource),
    next: z.string().nullable().describe("Pass as `after` for the next page; null on the last page."),
    previous: z.string().nullable().describe("Pass as `before` for the previous page; null on the first page."),
  })
  .register(restSchemas, { id: "UserPage" });

export const InvitationResource = z
  .strictObject({
    id: z.uuid(),
    email: z.string(),
    role: roleOfMember,
    licensed: z.boolean(),
    groups: z.array(z.string()).describe("Names of the groups the invitation adds the person to."),
    createdAt: timestamp,
    expiresAt: timestamp,
    expired: z.boolean(),
  })
  .register(restSchemas, { id: "Invitation" });

export const InvitationListResource = z
  .strictObject({ data: z.array(InvitationResource), total: z.number().int() })
  .register(restSchemas, { id: "InvitationList" });

export const InvitationOutcomeResource = z
  .discriminatedUnion("status", [
    z.strictObject({ email: z.string(), status: z.literal("invited"), invitationId: z.uuid() }),
    z.strictObject({
      email: z.string(),
      status: z.literal("refused"),
      code: z.string().describe("The domain code of the refusal, as in problem details."),
      message: z.string().describe("Why this address was not invited, and what to do."),
    }),
  ])
  .register(restSchemas, { id: "InvitationOutcome" });

export const InvitationResultsResource = z
  .strictObject({ results: z.array(InvitationOutcomeResource).describe("One result per address, in the order sent.") })
  .register(restSchemas, { id: "InvitationResults" });

export const GroupResource = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    members: z.number().int(),
    customApps: z.number().int().describe("How many custom apps the group may use."),
  })
  .register(restSchemas, { id: "Group" });

export const GroupListResource = z
  .strictObject({ data: z.array(GroupResource) })
  .register(restSchemas, { id: "GroupList" });

export const GroupDetailsResource = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    customApps: z.number().int(),
    identityProviderGroup: z.string().nullable().describe("The identity provider group mapped to this group."),
  })
  .register(restSchemas, { id: "GroupDetails" });

export const CreatedResource = z.strictObject({ id: z.uuid() }).register(restSchemas, { id: "Created" });

export const GroupMembersChangeResource = z
  .strictObject({
    changed: z.number().int().describe("How many users joined or left; the others already were or were not members."),
  })
  .register(restSchemas, { id: "GroupMembersChange" });

const hostStatus = z.enum(["provisioning", "running", "stopped", "restarting", "unreachable", "terminated"]);
const customAppStatus = z.enum(["open", "closed", "paused"]);

const hostFields = {
  id: z.uuid(),
  kind: z.enum(["cloud", "self_hosted"]),
  name: z.string(),
  hostname: z.string(),
  region: z.string().nullable(),
  computeSize: z.string().nullable(),
  filemakerVersion: z.string(),
  status: hostStatus,
  statusSince: timestamp,
  startedAt: nullableTimestamp,
  lastPolledAt: nullableTimestamp.describe("When the console last reached the host's Admin API."),
  lastPollError: z.string().nullable(),
  createdAt: timestamp,
};

export const CustomAppResource = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    status: customAppStatus,
    sizeBytes: z.number(),
    clients: z.number().int(),
    encrypted: z.boolean(),
  })
  .register(restSchemas, { id: "CustomApp" });

export const HostResource = z
  .strictObject({ ...hostFields, customApps: z.array(CustomAppResource) })
  .register(restSchemas, { id: "Host" });

export const HostListResource = z
  .strictObject({ data: z.array(HostResource) })
  .register(restSchemas, { id: "HostList" });

export const HostStatusResource = z
  .strictObject({
    ...hostFields,
    databases: z.array(CustomAppResource),
    observedAt: nullableTimestamp.describe("When the figures below were read from the host."),
    connectedClients: z.number().int().nullable(),
  })
  .register(restSchemas, { id: "HostStatus" });

export const OperationResource = z
  .strictObject({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(["queued", "running", "succeeded", "failed"]),
    failure: z.string().nullable(),
    requestedBy: z.string().nullable(),
    createdAt: timestamp,
    startedAt: nullableTimestamp,
    finishedAt: nullableTimestamp,
  })
  .register(restSchemas, { id: "Operation" });

export const OperationListResource = z
  .strictObject({ data: z.array(OperationResource) })
  .register(restSchemas, { id: "OperationList" });

export const OperationQueuedResource = z
  .strictObject({ id: z.uuid(), status: z.enum(["queued", "running", "succeeded", "failed"]) })
  .register(restSchemas, { id: "OperationQueued" });

export const SubscriptionResource = z
  .strictObject({
    teamId: z.uuid(),
    teamStatus: z.string(),
    contractNumber: z.string(),
    planCode: z.string(),
    planName: z.string(),
    billingPeriod: z.enum(["monthly", "annual"]),
    status: z.enum(["active", "past_due", "trialing", "cancelled", "expired"]),
    startedAt: timestamp,
    currentPeriodStart: timestamp,
    currentPeriodEnd: timestamp,
    renewsAt: nullableTimestamp,
    endsAt: nullableTimestamp,
    cancelAtPeriodEnd: z.boolean(),
    trialEndsAt: nullableTimestamp,
    seats: z.strictObject({ used: z.number().int(), total: z.number().int() }).nullable(),
    extraStorageGb: z.number(),
    extraDataTransferGb: z.number(),
    extraRequests: z.number(),
  })
  .register(restSchemas, { id: "Subscription" });

export const AuditEventResource = z
  .strictObject({
    id: z.uuid(),
    seq: z.number().int().describe("The event's place in the team's hash chain."),
    occurredAt: timestamp,
    actorType: z.enum(["account", "staff", "system", "api_token", "scim_token"]),
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .register(restSchemas, { id: "AuditEvent" });

export const AuditEventPageResource = z
  .strictObject({
    data: z.array(AuditEventResource),
    nextBeforeSeq: z.number().int().nullable().describe("Pass as `beforeSeq` for older events; null at the start."),
  })
  .register(restSchemas, { id: "AuditEventPage" });

/** RFC 9457 problem details, with the console's domain code and the request id to quote. */
export const ProblemResource = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What went wrong and what to change."),
    code: z.string().describe("The domain code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, CONFLICT …"),
    requestId: z.string(),
    errors: z
      .array(z.strictObject({ field: z.string(), message: z.string() }))
      .optional()
      .describe("Each field that was wrong, for invalid input."),
  })
  .register(restSchemas, { id: "Problem" });

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
