import "server-only";
import * as OTPAuth from "otpauth";

const PERIOD_SECONDS = 30;

/** A new secret and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(accountEmail: string): { secret: string; uri: string } {
  const secret = new OTPAuth.Secret({ size: 20 });
  return { secret: secret.base32, uri: totpFor(secret.base32, accountEmail).toString() };
}

function totpFor(secret: string, label = "Customer Console") {
  return new OTPAuth.TOTP({
    issuer: "Customer Console",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export type TotpVerdict = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * Checks a code against the secret, one step either side for clock drift. A code whose
 * time step is not later than the last one accepted is a replay and is refused (RFC 6238 §5.2).
 */
export function verifyTotp(secret: string, code: string, now: Date, lastUsedStep: number | null): TotpVerdict {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "wrong" };
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return { ok: false, reason: "wrong" };
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}

/** The current code, for tests and for nothing else. */
export function totpCodeAt(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}
