import type { Queryable } from "@/db/client";
import type { RequestMeta } from "../actor";
import { beginSignIn } from "../auth/begin-sign-in";
import { completeSignIn } from "../auth/complete-sign-in";
import { totpCodeAt } from "../auth/totp";
import type { Clock } from "../clock";
import { DomainError } from "../errors";

/** Both steps of signing in for an account without two-step verification; null when refused. */
export async function signInWithPassword(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  credentials: { email: string; password: string },
): Promise<{ accountId: string; sessionId: string } | null> {
  try {
    const started = await beginSignIn(db, ctx, credentials);
    if (started.status !== "challenge") return null;
    const completed = await completeSignIn(db, ctx, { challengeToken: started.challengeToken });
    return completed.ok ? { accountId: completed.accountId, sessionId: completed.sessionId } : null;
  } catch (error) {
    if (error instanceof DomainError && error.code === "UNAUTHENTICATED") return null;
    throw error;
  }
}

/** Both steps of signing in with the authenticator code of `totpSecret` at the clock's time. */
export async function signInWithTwoStep(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  credentials: { email: string; password: string; totpSecret: string },
): Promise<{ accountId: string; sessionId: string }> {
  const started = await beginSignIn(db, ctx, credentials);
  if (started.status !== "challenge" || !started.secondStep)
    throw new Error(`${credentials.email} has no two-step verification to sign in with`);
  const code = totpCodeAt(credentials.totpSecret, ctx.clock.now());
  const completed = await completeSignIn(db, ctx, { challengeToken: started.challengeToken, code });
  if (!completed.ok) throw new Error(`${credentials.email} could not complete two-step sign-in: ${completed.reason}`);
  return { accountId: completed.accountId, sessionId: completed.sessionId };
}
