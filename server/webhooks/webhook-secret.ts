import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";

const PREFIX = "whsec_";

/** A new signing secret in the Standard Webhooks format: whsec_ and 32 random bytes, base64. */
export function newWebhookSecret(): { secret: string; encrypted: string } {
  const secret = `${PREFIX}${randomBytes(32).toString("base64")}`;
  return { secret, encrypted: encrypt(keyRing(), secret) };
}

export function openWebhookSecret(encrypted: string): string {
  return decrypt(keyRing(), encrypted);
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the secret's decoded bytes. */
export function signatureWith(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
