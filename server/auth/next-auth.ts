import "server-only";
import { cookies, headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { systemClock } from "../clock";
import { isProduction } from "../config/env";
import { loadSecrets } from "../config/secrets";
import { requestMetaFrom } from "../context";
import { getDatabase } from "../database";
import { logger } from "../logger";
import { completeSignIn } from "./complete-sign-in";
import { isSuccessorSession, SESSION_ABSOLUTE_LIFETIME_MS, signOutSession } from "./sessions";

const credentialsSchema = z.object({
  challenge: z.string().min(1).max(200),
  code: z.string().max(20).optional(),
  recoveryCode: z.string().max(40).optional(),
});

/** Told apart by the sign-in form: a wrong code may be retried, an expired challenge may not. */
export class WrongCode extends CredentialsSignin {
  code = "wrong_code";
}
export class ChallengeExpired extends CredentialsSignin {
  code = "expired";
}

/**
 * Auth.js carries only a session id in its encrypted cookie; the session row in the database
 * is what makes it valid, so it can be listed and ended from the server.
 */
export const {
  handlers,
  signIn,
  signOut,
  unstable_update: updateAuthSession,
} = NextAuth(() => ({
  secret: loadSecrets().authSecret,
  trustHost: true,
  useSecureCookies: isProduction(),
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Auth.js logs through pino like everything else; a refused password is not an error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      // The password (or a fresh email code) was checked by beginSignIn, which issued the challenge.
      credentials: { challenge: {}, code: {}, recoveryCode: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new ChallengeExpired();
        const { db } = await getDatabase();
        const result = await completeSignIn(
          db,
          { clock: systemClock, request: requestMetaFrom(request.headers) },
          {
            challengeToken: parsed.data.challenge,
            code: parsed.data.code || undefined,
            recoveryCode: parsed.data.recoveryCode || undefined,
          },
        );
        if (!result.ok) throw result.reason === "wrong_code" ? new WrongCode() : new ChallengeExpired();
        return { id: result.accountId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) token.sid = (user as { sessionId: string }).sessionId;
      // A privilege change replaced the session: follow it, but only to its recorded successor.
      const next = (session as { sid?: unknown } | undefined)?.sid;
      if (trigger === "update" && typeof next === "string" && typeof token.sid === "string") {
        if (await isSuccessorSession((await getDatabase()).db, token.sid, next, systemClock.now())) token.sid = next;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await signOutSession((await getDatabase()).db, sid, systemClock.now(), requestMetaFrom(await headers()));
    },
  },
}));

/** Session cookies already decrypted, newest last: the same cookie comes with every request of a browser. */
const decodedCookies = new Map<string, { sid: string | undefined; expiresAt: number }>();
const DECODED_COOKIES_KEPT = 10_000;

/**
 * The id of the session row the request's cookie names, if any. Only the cookie is decrypted,
 * once per cookie: Auth.js's own auth() would also run its callbacks and encrypt a fresh cookie
 * on every request, which the session row (idle and absolute limits) makes unnecessary.
 */
export const currentSessionId = cache(async (): Promise<string | undefined> => {
  const salt = `${isProduction() ? "__Secure-" : ""}authjs.session-token`;
  const token = (await cookies()).get(salt)?.value;
  if (!token) return undefined;
  const known = decodedCookies.get(token);
  if (known && known.expiresAt > Date.now()) return known.sid;
  const payload = await decode({ token, secret: loadSecrets().authSecret, salt }).catch(() => null);
  const sid = typeof payload?.sid === "string" ? payload.sid : undefined;
  if (payload?.exp) {
    if (decodedCookies.size >= DECODED_COOKIES_KEPT) decodedCookies.delete(decodedCookies.keys().next().value!);
    decodedCookies.set(token, { sid, expiresAt: payload.exp * 1000 });
  }
  return sid;
});
