import { loadSecrets } from "../config/secrets";
import { type KeyRing, parseKeyRing } from "./encryption";

let ring: KeyRing | undefined;

export function keyRing(): KeyRing {
  ring ??= parseKeyRing(loadSecrets().encryptionKeys);
  return ring;
}
