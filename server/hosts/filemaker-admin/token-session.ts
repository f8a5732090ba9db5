import "server-only";
import type { z } from "zod";
import type { Clock } from "@/server/clock";
import { emptySchema, tokenSchema } from "./admin-api-schemas";
import { HostApiError, HostAuthFailed, HostUnreachable } from "./host-errors";
import { readAnswer } from "./read-answer";
import type { Transport, TransportRequest } from "./transport";

export interface TokenSessionOptions {
  transport: Transport;
  adminUser: string;
  adminPassword: string;
  clock: Clock;
}

/** The server forgets a token after 15 idle minutes; asking anew a minute early avoids a needless 401. */
const TOKEN_IDLE_LIMIT_MS = 14 * 60_000;

/**
 * Calls the Admin API with one access token, asked for once and reused; a token the host no longer
 * knows is replaced once. Reads are tried a second time after a network error or a 5xx; writes never.
 */
export function createTokenSession({ transport, adminUser, adminPassword, clock }: TokenSessionOptions) {
  let token: Promise<string> | null = null;
  let lastUsedAt = 0;

  function currentToken() {
    const now = clock.now().getTime();
    if (token && now - lastUsedAt > TOKEN_IDLE_LIMIT_MS) token = null;
    if (!token) {
      lastUsedAt = now;
      token = requestToken().catch((error) => {
        token = null;
        throw error;
      });
    }
    return token;
  }

  async function requestToken() {
    const basic = Buffer.from(`${adminUser}:${adminPassword}`, "utf8").toString("base64");
    const answer = await transport({ method: "POST", path: "user/auth", authorization: `Basic ${basic}` });
    try {
      return readAnswer(answer, tokenSchema, "Signing in").token;
    } catch (error) {
      if (error instanceof HostApiError && answer.status === 401) {
        throw new HostAuthFailed(error.httpStatus, error.apiCode, error.apiText);
      }
      throw error;
    }
  }

  async function sendWithToken(request: TransportRequest) {
    const used = await currentToken();
    lastUsedAt = clock.now().getTime();
    const answer = await sendOnce(request, used);
    if (answer.status !== 401) return answer;
    if (token !== null && (await token.catch(() => null)) === used) token = null;
    const fresh = await currentToken();
    lastUsedAt = clock.now().getTime();
    return sendOnce(request, fresh);
  }

  async function sendOnce(request: TransportRequest, bearer: string) {
    const authorized = { ...request, authorization: `Bearer ${bearer}` };
    if (request.method !== "GET") return transport(authorized);
    try {
      const answer = await transport(authorized);
      return answer.status >= 500 ? await transport(authorized) : answer;
    } catch (error) {
      if (!(error instanceof HostUnreachable)) throw error;
      return transport(authorized);
    }
  }

  return {
    async call<T>(request: Omit<TransportRequest, "authorization">, schema: z.ZodType<T>, what: string) {
      return readAnswer(await sendWithToken(request), schema, what);
    },

    async close() {
      const held = token && (await token.catch(() => null));
      token = null;
      if (!held) return;
      readAnswer(await transport({ method: "DELETE", path: `user/auth/${held}` }), emptySchema, "Signing out");
    },
  };
}

export type TokenSession = ReturnType<typeof createTokenSession>;
