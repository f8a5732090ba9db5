import type { Actor } from "../actor";

/** Who made a request, as its log line names them: an id and its kind, never an email. */
export interface LoggedActor {
  kind: "anonymous" | "account" | "staff" | "api_key" | "scim" | "system";
  id?: string;
}

/**
 * The actor of each request in flight, by request id. The HTTP server opens an entry when a
 * request arrives and takes it when the response ends, however it ends; the app fills only an
 * open entry, so work that outlives an aborted request leaves nothing behind. Kept on globalThis
 * because the HTTP server and Next's bundle load their own copies of this module.
 */
const holder = globalThis as typeof globalThis & { customerConsoleRequestActors?: Map<string, LoggedActor> };
holder.customerConsoleRequestActors ??= new Map();
const actors = holder.customerConsoleRequestActors;

export function loggedActor(actor: Actor): LoggedActor {
  switch (actor.kind) {
    case "account":
      return { kind: "account", id: actor.accountId };
    case "support":
      return { kind: "staff", id: actor.staffId };
    case "apiKey":
      return { kind: "api_key", id: actor.apiKeyId };
    case "scim":
      return { kind: "scim", id: actor.scimTokenId };
    case "system":
      return { kind: "system", id: actor.label };
    case "anonymous":
      return { kind: "anonymous" };
  }
}

export function openRequestActor(requestId: string): void {
  actors.set(requestId, { kind: "anonymous" });
}

/** Records who a request turned out to come from; a request no HTTP server opened is ignored. */
export function noteRequestActor(requestId: string, actor: Actor): void {
  if (actor.kind !== "anonymous" && actors.has(requestId)) actors.set(requestId, loggedActor(actor));
}

export function takeRequestActor(requestId: string): LoggedActor {
  const actor = actors.get(requestId) ?? { kind: "anonymous" };
  actors.delete(requestId);
  return actor;
}

export function openRequestActorCount(): number {
  return actors.size;
}
