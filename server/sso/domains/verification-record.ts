import { randomBytes } from "node:crypto";

/** The TXT record a team publishes to prove it controls a domain. */
export function verificationRecord(domain: string, token: string): { name: string; value: string } {
  return { name: `_console-verification.${domain}`, value: `console-verification=${token}` };
}

/** 128 random bits, so no one can guess another team's record. */
export function newVerificationToken(): string {
  return randomBytes(16).toString("base64url");
}
