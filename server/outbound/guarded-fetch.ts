import "server-only";
import { Agent, fetch as undiciFetch } from "undici";
import { guardedLookup } from "./guarded-lookup";

const guardedAgent = new Agent({ connect: { lookup: guardedLookup } });

/** fetch for identity provider URLs: connections only to addresses the outbound rule allows. */
export function guardedFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return undiciFetch(url, { ...(init as object), dispatcher: guardedAgent }) as unknown as Promise<Response>;
}
