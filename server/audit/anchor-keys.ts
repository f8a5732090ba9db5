import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

export interface SigningKeyRing {
  activeKeyId: string;
  privateKeys: ReadonlyMap<string, KeyObject>;
  publicKeys: ReadonlyMap<string, KeyObject>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** Parses "kid:base64seed,kid:base64seed"; the first key signs, every key verifies. */
export function parseSigningKeyRing(spec: string): SigningKeyRing {
  const privateKeys = new Map<string, KeyObject>();
  const publicKeys = new Map<string, KeyObject>();
  const entries = spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const [keyId, encoded] = entry.split(":");
    // The message never repeats the entry: it may be a bare key.
    if (!keyId || !encoded || !KEY_ID.test(keyId)) {
      throw new Error(
        `AUDIT_SIGNING_KEYS: entry ${index + 1} is not "keyid:base64key" (key id: letters, digits, - or _)`,
      );
    }
    const seed = Buffer.from(encoded, "base64");
    if (seed.length !== 32)
      throw new Error(`AUDIT_SIGNING_KEYS: key "${keyId}" must be a 32-byte Ed25519 seed, base64-encoded`);
    if (privateKeys.has(keyId)) throw new Error(`AUDIT_SIGNING_KEYS: key id "${keyId}" appears twice`);
    const privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: "der",
      type: "pkcs8",
    });
    privateKeys.set(keyId, privateKey);
    publicKeys.set(keyId, createPublicKey(privateKey));
  }
  const activeKeyId = privateKeys.keys().next().value;
  if (!activeKeyId) throw new Error("AUDIT_SIGNING_KEYS holds no key");
  return { activeKeyId, privateKeys, publicKeys };
}

/** Ed25519 with the active key; the result names its key so rotation keeps old anchors valid. */
export function signWithRing(ring: SigningKeyRing, message: Buffer): { keyId: string; signature: string } {
  const signature = sign(null, message, ring.privateKeys.get(ring.activeKeyId)!);
  return { keyId: ring.activeKeyId, signature: signature.toString("base64") };
}

export type SignatureCheck = "valid" | "unknown key" | "invalid";

export function checkSignature(
  ring: SigningKeyRing,
  message: Buffer,
  keyId: string,
  signature: string,
): SignatureCheck {
  const key = ring.publicKeys.get(keyId);
  if (!key) return "unknown key";
  const bytes = Buffer.from(signature, "base64");
  // Ed25519 signatures are 64 bytes; verify() throws on some malformed lengths.
  return bytes.length === 64 && verify(null, message, key, bytes) ? "valid" : "invalid";
}
