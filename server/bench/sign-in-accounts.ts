import * as OTPAuth from "otpauth";
import type { Database } from "@/db/client";
import { accounts, memberships } from "@/db/schema";
import { encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { hashPassword } from "../crypto/passwords";

export interface BenchSignInAccount {
  email: string;
  /** Set for an account with two-step verification: its authentication code of a time step. */
  codeAt?: (step: number) => string;
  /** The last time step whose code was given, so a code is never replayed. */
  usedStep?: number;
}

const TOTP_PERIOD_SECONDS = 30;

/**
 * Verified accounts that sign in with `password`, members of the team, every fifth with
 * two-step verification (its secret stored encrypted, as the demo does). The password is
 * hashed once and shared, so making the accounts costs one hash.
 */
export async function createSignInAccounts(
  db: Database,
  teamId: string,
  options: { count: number; password: string },
): Promise<BenchSignInAccount[]> {
  const passwordHash = await hashPassword(options.password);
  const now = new Date();
  const people = Array.from({ length: options.count }, (_, i) => {
    const secret = i % 5 === 0 ? new OTPAuth.Secret({ size: 20 }).base32 : null;
    return { email: `signin${i}@signin-bench.example`, secret };
  });
  const created = await db
    .insert(accounts)
    .values(
      people.map((person, i) => ({
        email: person.email,
        name: `Sign-in Bench ${i}`,
        passwordHash,
        emailVerifiedAt: now,
        totpSecretEncrypted: person.secret ? encrypt(keyRing(), person.secret) : null,
        totpEnabledAt: person.secret ? now : null,
      })),
    )
    .returning({ id: accounts.id });
  await db.insert(memberships).values(created.map((account) => ({ teamId, accountId: account.id })));
  return people.map((person) => {
    if (!person.secret) return { email: person.email };
    const totp = new OTPAuth.TOTP({
      digits: 6,
      period: TOTP_PERIOD_SECONDS,
      secret: OTPAuth.Secret.fromBase32(person.secret),
    });
    return {
      email: person.email,
      codeAt: (step: number) => totp.generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 }),
    };
  });
}

/** The current TOTP time step, which a two-step account may give a code for once. */
export function currentTotpStep(): number {
  return Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
}
