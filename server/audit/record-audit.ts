import { randomUUID } from "node:crypto";
import { desc, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditEvents, auditPersonalFields } from "@/db/schema";
import { type Actor, actorName, type RequestMeta } from "../actor";
import { moveChainHead } from "../events/chain-head";
import { asStoredJson } from "./canonical-json";
import { auditEventHash, GENESIS_HASH } from "./event-hash";
import { emailKeyOf, newSalt, personalDigest, personalFieldsOf } from "./personal-fields";

export interface AuditEventInput {
  /** null records in the platform's own chain (sign-ins and other account-level events). */
  teamId: string | null;
  actor: Actor;
  occurredAt: Date;
  request: RequestMeta;
  action: string;
  target?: { type: string; id: string };
  onBehalfOfAccountId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to its team's hash chain, inside the caller's transaction, so the event
 * exists exactly when the change it records does. A per-team transaction lock makes
 * concurrent writers take turns, so the chain never forks.
 */
export async function recordAudit(tx: Transaction, event: AuditEventInput): Promise<{ id: string; seq: number }> {
  const chainKey = `audit:${event.teamId ?? "platform"}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`);

  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(event.teamId ? eq(auditEvents.teamId, event.teamId) : isNull(auditEvents.teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);

  const fields = {
    id: randomUUID(),
    teamId: event.teamId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: event.occurredAt,
    ...actorColumns(event.actor),
    onBehalfOfAccountId: event.onBehalfOfAccountId ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    before: asStoredJson(event.before),
    after: asStoredJson(event.after),
    ip: event.request.ip,
    userAgent: event.request.userAgent,
    requestId: event.request.requestId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const personal = personalFieldsOf({ ...fields, actorAccountId: actorAccountId(event.actor) }).map((field) => {
    const salt = newSalt();
    return { ...field, salt, digest: personalDigest(salt, field.value) };
  });
  await tx.insert(auditEvents).values({ ...fields, hash: auditEventHash(fields, personal) });
  if (personal.length) {
    await tx.insert(auditPersonalFields).values(
      personal.map((field) => ({
        eventId: fields.id,
        teamId: fields.teamId,
        path: field.path,
        digest: field.digest,
        salt: field.salt,
        accountId: field.accountId,
        emailKey: emailKeyOf(field.value),
      })),
    );
  }
  await moveChainHead(tx, fields.teamId, fields.seq);
  return { id: fields.id, seq: fields.seq };
}

/** The account behind a person acting; its address is the event's actor label. */
function actorAccountId(actor: Actor): string | null {
  return actor.kind === "account" || actor.kind === "support" ? actor.accountId : null;
}

function actorColumns(actor: Actor): {
  actorType: "account" | "staff" | "system" | "api_token" | "scim_token";
  actorId: string | null;
  actorLabel: string;
} {
  switch (actor.kind) {
    case "account":
      return { actorType: "account", actorId: actor.accountId, actorLabel: actor.email };
    case "support":
      return { actorType: "staff", actorId: actor.staffId, actorLabel: actor.email };
    case "system":
      return { actorType: "system", actorId: null, actorLabel: actor.label };
    case "apiKey":
      return { actorType: "api_token", actorId: actor.apiKeyId, actorLabel: actorName(actor) };
    case "scim":
      return { actorType: "scim_token", actorId: actor.scimTokenId, actorLabel: actorName(actor) };
    case "anonymous":
      throw new Error("An anonymous actor cannot change anything; audit the account the change acts for");
  }
}
