import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { systemClock } from "../clock";
import { isProduction } from "../config/env";
import { loadSecrets } from "../config/secrets";
import { requestMetaFrom } from "../context";
import { getDatabase } from "../database";
import { logger } from "../logger";
import { SESSION_ABSOLUTE_LIFETIME_MS, endSession } from "./sessions";
import { signInWithPassword } from "./sign-in-with-password";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Auth.js carries only a session id in its encrypted cookie; the session row in the database
 * is what makes it valid, so it can be listed and ended from the server.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: loadSecrets().authSecret,
  trustHost: true,
  useSecureCookies: isProduction(),
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Auth.js logs through pino like everything else; a refused password is not an error.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { db } = await getDatabase();
        const result = await signInWithPassword(
          db,
          { clock: systemClock, request: requestMetaFrom(request.headers) },
          parsed.data,
        );
        return result ? { id: result.accountId, sessionId: result.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = (user as { sessionId: string }).sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await endSession((await getDatabase()).db, sid, systemClock.now());
    },
  },
}));

/** The id of the session row the request's cookie names, if any. */
export async function currentSessionId(): Promise<string | undefined> {
  const session = (await auth()) as { sid?: string } | null;
  return session?.sid;
}
