import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory, isProduction } from "./env";

export interface Secrets {
  authSecret: string;
  /** "kid:base64key,kid:base64key"; the first key encrypts, all of them decrypt. */
  encryptionKeys: string;
}

let cached: Secrets | undefined;

/**
 * Secrets come from the environment (AUTH_SECRET, ENCRYPTION_KEYS). Outside production a
 * missing one is generated once and kept in the data directory, so a demo needs no setup;
 * in production a missing one stops the app: there is no default secret.
 */
export function loadSecrets(): Secrets {
  if (cached) return cached;
  const fromEnv = { authSecret: process.env.AUTH_SECRET, encryptionKeys: process.env.ENCRYPTION_KEYS };
  if (fromEnv.authSecret && fromEnv.encryptionKeys) {
    cached = { authSecret: fromEnv.authSecret, encryptionKeys: fromEnv.encryptionKeys };
    return cached;
  }
  if (isProduction()) {
    const missing = Object.entries({ AUTH_SECRET: fromEnv.authSecret, ENCRYPTION_KEYS: fromEnv.encryptionKeys })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new Error(
      `CONSOLE_ENV=production needs ${missing.join(" and ")} in the environment. ` +
        `Generate them with: npm run secrets`,
    );
  }
  const stored = readOrCreateStoredSecrets();
  cached = {
    authSecret: fromEnv.authSecret ?? stored.authSecret,
    encryptionKeys: fromEnv.encryptionKeys ?? stored.encryptionKeys,
  };
  return cached;
}

export function generateSecrets(): Secrets {
  const keyId = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  return {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: `${keyId}:${randomBytes(32).toString("base64")}`,
  };
}

function readOrCreateStoredSecrets(): Secrets {
  const file = path.join(dataDirectory(), "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Secrets;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secrets = generateSecrets();
  // "wx" fails if another process created it first; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Secrets;
  }
}
