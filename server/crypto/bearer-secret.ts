import { createHash, randomBytes } from "node:crypto";

/** What starts an API key (`cc_`), a SCIM token (`ccscim_`) or a Connect usage token (`ccusage_`): a leaked one is recognisable in code or logs. */
export type BearerSecretLead = "cc_" | "ccscim_" | "ccusage_";

/** How many characters of the random part the prefix shows: enough to tell keys apart, too few to guess. */
const PREFIX_RANDOM_CHARACTERS = 8;

/**
 * A new bearer secret: the lead and 32 random bytes in base64url. Only its SHA-256 hash is
 * stored (the secret has 256 bits of entropy, so a fast hash loses nothing); the prefix names it.
 */
export function newBearerSecret(lead: BearerSecretLead): { secret: string; prefix: string; hash: string } {
  const secret = `${lead}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: bearerSecretPrefix(secret, lead), hash: hashBearerSecret(secret) };
}

export function bearerSecretPrefix(secret: string, lead: BearerSecretLead): string {
  return secret.slice(0, lead.length + PREFIX_RANDOM_CHARACTERS);
}

export function hashBearerSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The secret of an `Authorization: Bearer …` header, or null. */
export function bearerSecretOf(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}
