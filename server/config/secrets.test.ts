import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseKeyRing } from "../crypto/encryption";

const VARIABLES = ["AUTH_SECRET", "ENCRYPTION_KEYS", "CONSOLE_ENV", "DATA_DIR"] as const;
let saved: Record<string, string | undefined>;
let dataDir: string;

beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-secrets-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.CONSOLE_ENV;
});

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh copy of the module: loadSecrets caches what it loaded for the life of the process. */
async function freshLoadSecrets() {
  vi.resetModules();
  return (await import("./secrets")).loadSecrets;
}

describe("secrets in production", () => {
  beforeEach(() => {
    process.env.CONSOLE_ENV = "production";
  });

  it("refuses to start without AUTH_SECRET, naming it and how to make one", async () => {
    delete process.env.AUTH_SECRET;
    const loadSecrets = await freshLoadSecrets();
    expect(() => loadSecrets()).toThrow(
      "CONSOLE_ENV=production needs AUTH_SECRET in the environment. Generate them with: npm run secrets",
    );
  });

  it("names both variables when both are missing, and an empty one counts as missing", async () => {
    process.env.AUTH_SECRET = "";
    delete process.env.ENCRYPTION_KEYS;
    const loadSecrets = await freshLoadSecrets();
    expect(() => loadSecrets()).toThrow("needs AUTH_SECRET and ENCRYPTION_KEYS in the environment");
  });

  it("never falls back to generated secrets on disk", async () => {
    delete process.env.ENCRYPTION_KEYS;
    const loadSecrets = await freshLoadSecrets();
    expect(() => loadSecrets()).toThrow("needs ENCRYPTION_KEYS");
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("uses the secrets of the environment", async () => {
    process.env.AUTH_SECRET = "prod-auth-secret";
    process.env.ENCRYPTION_KEYS = "kprod:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    const loadSecrets = await freshLoadSecrets();
    expect(loadSecrets()).toEqual({
      authSecret: "prod-auth-secret",
      encryptionKeys: "kprod:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    });
  });
});

describe("secrets outside production", () => {
  beforeEach(() => {
    delete process.env.AUTH_SECRET;
    delete process.env.ENCRYPTION_KEYS;
  });

  it("are generated once, kept in the data directory readable by the owner only", async () => {
    const first = (await freshLoadSecrets())();
    const file = path.join(dataDir, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(parseKeyRing(first.encryptionKeys).keys.size).toBe(1);

    // A restart (a fresh module, no cache) reads the same secrets back.
    const second = (await freshLoadSecrets())();
    expect(second).toEqual(first);
  });

  it("take a variable that is set from the environment and the rest from the data directory", async () => {
    const generated = (await freshLoadSecrets())();
    process.env.AUTH_SECRET = "from-the-environment";
    const mixed = (await freshLoadSecrets())();
    expect(mixed).toEqual({ authSecret: "from-the-environment", encryptionKeys: generated.encryptionKeys });
  });

  it("are loaded once per process", async () => {
    const loadSecrets = await freshLoadSecrets();
    const first = loadSecrets();
    fs.rmSync(path.join(dataDir, "secrets.json"));
    expect(loadSecrets()).toBe(first);
    expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
  });
});
