import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { ssoSignInStates } from "@/db/schema";
import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";

/** How long a person may spend at the provider's login page. */
export const SSO_STATE_LIFETIME_MS = 10 * 60 * 1000;

function hashState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/** The random value carried to the provider (OpenID Connect `state`, SAML RelayState) and back. */
export function newSignInState(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Keeps what checking the provider's answer will need, under the hash of its state: the PKCE
 * verifier (encrypted), the nonce, the SAML request id.
 */
export async function saveSignInState(
  db: Queryable,
  input: {
    state: string;
    identityProviderId: string;
    now: Date;
    codeVerifier?: string;
    nonce?: string;
    samlRequestId?: string;
  },
): Promise<void> {
  await db.insert(ssoSignInStates).values({
    stateHash: hashState(input.state),
    identityProviderId: input.identityProviderId,
    codeVerifierEncrypted: input.codeVerifier ? encrypt(keyRing(), input.codeVerifier) : null,
    nonce: input.nonce ?? null,
    samlRequestId: input.samlRequestId ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + SSO_STATE_LIFETIME_MS),
  });
}

export interface SignInState {
  identityProviderId: string;
  codeVerifier: string | null;
  nonce: string | null;
  samlRequestId: string | null;
}

/** Spends the state the provider's answer carries: each is good once, for one provider, until it expires. */
export async function spendSignInState(
  db: Queryable,
  input: { state: string; identityProviderId: string; now: Date },
): Promise<SignInState | null> {
  const [row] = await db
    .update(ssoSignInStates)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(ssoSignInStates.stateHash, hashState(input.state)),
        eq(ssoSignInStates.identityProviderId, input.identityProviderId),
        isNull(ssoSignInStates.usedAt),
        gt(ssoSignInStates.expiresAt, input.now),
      ),
    )
    .returning();
  if (!row) return null;
  return {
    identityProviderId: row.identityProviderId,
    codeVerifier: row.codeVerifierEncrypted ? decrypt(keyRing(), row.codeVerifierEncrypted) : null,
    nonce: row.nonce,
    samlRequestId: row.samlRequestId,
  };
}

/** States older than their lifetime are of no use to anyone. */
export async function forgetExpiredSignInStates(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(ssoSignInStates)
    .where(lt(ssoSignInStates.expiresAt, now))
    .returning({ id: ssoSignInStates.id });
  return gone.length;
}
