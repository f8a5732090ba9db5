import "server-only";
import { parseSigningKeyRing, type SigningKeyRing } from "../audit/anchor-keys";
import { loadAuditSigningKeys, loadSecrets } from "../config/secrets";
import { type KeyRing, parseKeyRing } from "./encryption";

let ring: KeyRing | undefined;
let signingRing: SigningKeyRing | undefined;

export function keyRing(): KeyRing {
  ring ??= parseKeyRing(loadSecrets().encryptionKeys);
  return ring;
}

/** The Ed25519 keys that sign audit chain anchors. */
export function auditSigningKeyRing(): SigningKeyRing {
  signingRing ??= parseSigningKeyRing(loadAuditSigningKeys());
  return signingRing;
}
