import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import type { Clock } from "../clock";

/** How long a first response is kept to be replayed: a day, as Stripe does. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

const KEY = /^[\x21-\x7e]{1,255}$/;

export function isIdempotencyKey(value: string): boolean {
  return KEY.test(value);
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { kind: "first"; recordId: string }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "otherRequest" }
  | { kind: "stillRunning" };

/** What makes two requests the same one: method, path, query and body. */
export function requestFingerprint(method: string, url: URL, body: string): string {
  return createHash("sha256").update(`${method} ${url.pathname}${url.search}\n${body}`).digest("hex");
}

function windowStart(clock: Clock): string {
  return new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
}

/**
 * Claims an Idempotency-Key for a request in one statement, so two retries racing on
 * several servers cannot both run: the first claims it, a later one gets the stored answer,
 * is told the first is still running, or is refused for sending other parameters.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  clock: Clock,
  claim: { apiKeyId: string; key: string; fingerprint: string },
): Promise<IdempotencyClaim> {
  // A key older than the window is free again.
  await db
    .delete(apiIdempotencyKeys)
    .where(
      and(
        eq(apiIdempotencyKeys.apiTokenId, claim.apiKeyId),
        eq(apiIdempotencyKeys.key, claim.key),
        sql`${apiIdempotencyKeys.createdAt} <= ${windowStart(clock)}::timestamptz`,
      ),
    );
  const [claimed] = await db
    .insert(apiIdempotencyKeys)
    .values({ apiTokenId: claim.apiKeyId, key: claim.key, requestHash: claim.fingerprint, createdAt: clock.now() })
    .onConflictDoNothing()
    .returning({ id: apiIdempotencyKeys.id });
  if (claimed) return { kind: "first", recordId: claimed.id };
  const [record] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.apiTokenId, claim.apiKeyId), eq(apiIdempotencyKeys.key, claim.key)));
  // Gone between the two statements: released by a failed first request, so this one may run.
  if (!record) return claimIdempotencyKey(db, clock, claim);
  if (record.requestHash !== claim.fingerprint) return { kind: "otherRequest" };
  if (record.status === null) return { kind: "stillRunning" };
  return {
    kind: "replay",
    response: { status: record.status, headers: record.responseHeaders ?? {}, body: record.responseBody ?? "" },
  };
}

/** Keeps the first response for replay. */
export async function storeIdempotentResponse(db: Queryable, recordId: string, response: StoredResponse) {
  await db
    .update(apiIdempotencyKeys)
    .set({ status: response.status, responseHeaders: response.headers, responseBody: response.body })
    .where(eq(apiIdempotencyKeys.id, recordId));
}

/** Frees the key after an answer a retry should not get again (a failure on our side, a rate limit). */
export async function releaseIdempotencyKey(db: Queryable, recordId: string) {
  await db.delete(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.id, recordId));
}

/** The job that forgets responses older than the window. */
export async function forgetIdempotencyKeys(db: Queryable, clock: Clock): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(sql`${apiIdempotencyKeys.createdAt} <= ${windowStart(clock)}::timestamptz`);
}
