import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory, isProduction } from "./env";

export interface Secrets {
  authSecret: string;
  /** "kid:base64key,kid:base64key"; the first key encrypts, all of them decrypt. */
  encryptionKeys: string;
}

/** What the data directory keeps; files from before audit anchoring lack the signing keys. */
interface StoredSecrets extends Secrets {
  /** "kid:base64seed,…" Ed25519 keys; the first signs audit anchors, all of them verify. */
  auditSigningKeys?: string;
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

let cachedSigningKeys: string | undefined;

/**
 * The audit signing key ring: AUDIT_SIGNING_KEYS, required in production like the other
 * secrets; outside production generated once into the data directory.
 */
export function loadAuditSigningKeys(): string {
  if (cachedSigningKeys) return cachedSigningKeys;
  const fromEnv = process.env.AUDIT_SIGNING_KEYS;
  if (fromEnv) cachedSigningKeys = fromEnv;
  else if (isProduction()) {
    throw new Error(
      "CONSOLE_ENV=production needs AUDIT_SIGNING_KEYS in the environment. Generate them with: npm run secrets",
    );
  } else cachedSigningKeys = readOrCreateStoredSecrets().auditSigningKeys ?? addStoredSigningKeys();
  return cachedSigningKeys;
}

export function generateSecrets(): Required<StoredSecrets> {
  const keyId = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  return {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: `${keyId}:${randomBytes(32).toString("base64")}`,
    auditSigningKeys: generateSigningKeys(),
  };
}

/** An Ed25519 private key is its 32-byte seed. */
function generateSigningKeys(): string {
  return `a${new Date().toISOString().slice(0, 10).replaceAll("-", "")}:${randomBytes(32).toString("base64")}`;
}

function secretsFile(): string {
  return path.join(dataDirectory(), "secrets.json");
}

function readOrCreateStoredSecrets(): StoredSecrets {
  const file = secretsFile();
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secrets = generateSecrets();
  // "wx" fails if another process created it first; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch {
    return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  }
}

/**
 * Adds signing keys to a secrets file written before they existed. A lock file makes
 * processes starting together agree on one key: a lost key would orphan its anchors.
 */
function addStoredSigningKeys(): string {
  const file = secretsFile();
  const lock = `${file}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} is held by another process; remove it if no console is starting`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    const stored = JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
    if (stored.auditSigningKeys) return stored.auditSigningKeys;
    const updated = { ...stored, auditSigningKeys: generateSigningKeys() };
    fs.writeFileSync(`${file}.new`, JSON.stringify(updated, null, 2), { mode: 0o600 });
    fs.renameSync(`${file}.new`, file);
    return updated.auditSigningKeys;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
