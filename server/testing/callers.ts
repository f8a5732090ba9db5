import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq, sql } from "drizzle-orm";
import superjson from "superjson";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema";
import { type Actor, anonymousActor, noRequest } from "../actor";
import { type Clock, systemClock } from "../clock";
import type { Context } from "../context";
import { logger } from "../logger";
import { createCaller } from "../routers/root";

/** A request context as createContext would build it, for the given actor. */
export function contextFor(
  db: Database,
  actor: Actor = anonymousActor,
  options: { clock?: Clock; requestId?: string } = {},
): Context {
  const request = { ...noRequest, requestId: options.requestId ?? noRequest.requestId };
  return { db, clock: options.clock ?? systemClock, request, actor, log: logger };
}

/** The app router's caller for a signed-in account, looked up by email. */
export async function callerForEmail(db: Database, email: string, options: { mfaVerified?: boolean } = {}) {
  return createCaller(contextFor(db, await accountActor(db, email, options)));
}

export async function accountActor(
  db: Database,
  email: string,
  options: { mfaVerified?: boolean } = {},
): Promise<Actor> {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
  if (!account) throw new Error(`No account ${email} in the test database`);
  return {
    kind: "account",
    accountId: account.id,
    email: account.email,
    sessionId: null,
    mfaVerified: options.mfaVerified ?? false,
  };
}

/**
 * Calls a procedure over HTTP, as the browser does, so the router's error formatter shapes
 * the answer. Returns the decoded body: `{ result }` or `{ error }`.
 */
export async function callOverHttp(
  router: AnyTRPCRouter,
  ctx: Context,
  call: { path: string; type: "query" | "mutation"; input?: unknown },
): Promise<{ status: number; body: { result?: { data: unknown }; error?: ErrorBody } }> {
  const encoded = JSON.stringify(superjson.serialize(call.input));
  const url = `http://console.test/api/trpc/${call.path}`;
  const req =
    call.type === "query"
      ? new Request(`${url}?input=${encodeURIComponent(encoded)}`)
      : new Request(url, { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router, createContext: () => ctx });
  const raw = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  return {
    status: response.status,
    body: raw.error
      ? { error: superjson.deserialize(raw.error as never) as ErrorBody }
      : { result: { data: superjson.deserialize(raw.result!.data as never) } },
  };
}

export interface ErrorBody {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    requestId?: string;
    domainCode?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}
