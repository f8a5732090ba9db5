import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface KeyRing {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses "kid:base64key,kid:base64key"; the first key is the one that encrypts. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const [keyId, encoded] = entry.split(":");
    // The message never repeats the entry: it may be a bare key.
    if (!keyId || !encoded || !KEY_ID.test(keyId)) {
      throw new Error(`ENCRYPTION_KEYS: entry ${index + 1} is not "keyid:base64key" (key id: letters, digits, - or _)`);
    }
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${keyId}" must be 32 bytes, base64-encoded`);
    if (keys.has(keyId)) throw new Error(`ENCRYPTION_KEYS: key id "${keyId}" appears twice`);
    keys.set(keyId, key);
  }
  const activeKeyId = keys.keys().next().value;
  if (!activeKeyId) throw new Error("ENCRYPTION_KEYS holds no key");
  return { activeKeyId, keys };
}

/** AES-256-GCM; the output names its key so old values stay readable after a rotation. */
export function encrypt(ring: KeyRing, plaintext: string): string {
  const key = ring.keys.get(ring.activeKeyId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return ["v1", ring.activeKeyId, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function decrypt(ring: KeyRing, value: string): string {
  const [version, keyId, ivText, bodyText] = value.split(".");
  if (version !== "v1" || !keyId || !ivText || !bodyText) throw new Error("Not an encrypted value");
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Encryption key "${keyId}" is not in ENCRYPTION_KEYS`);
  const body = Buffer.from(bodyText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

/** The key id a stored value was encrypted with, to find values due for re-encryption. */
export function keyIdOf(value: string): string | undefined {
  return value.split(".")[1];
}
