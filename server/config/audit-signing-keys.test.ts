import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseSigningKeyRing } from "../audit/anchor-keys";

const VARIABLES = ["AUDIT_SIGNING_KEYS", "AUTH_SECRET", "ENCRYPTION_KEYS", "CONSOLE_ENV", "DATA_DIR"] as const;
let saved: Record<string, string | undefined>;
let dataDir: string;

beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-signing-keys-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.CONSOLE_ENV;
  delete process.env.AUDIT_SIGNING_KEYS;
});

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh copy of the module: what it loaded is cached for the life of the process. */
async function freshSecrets() {
  vi.resetModules();
  return import("./secrets");
}

describe("audit signing keys", () => {
  it("are required from the environment in production, never generated", async () => {
    process.env.CONSOLE_ENV = "production";
    const { loadAuditSigningKeys } = await freshSecrets();
    expect(() => loadAuditSigningKeys()).toThrow(
      "CONSOLE_ENV=production needs AUDIT_SIGNING_KEYS in the environment. Generate them with: npm run secrets",
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("come from AUDIT_SIGNING_KEYS when it is set", async () => {
    process.env.AUDIT_SIGNING_KEYS = "aprod:c2lnbmluZy1zZWVkLWZvci10ZXN0cy1vbmx5LTMyYnk=";
    expect((await freshSecrets()).loadAuditSigningKeys()).toBe("aprod:c2lnbmluZy1zZWVkLWZvci10ZXN0cy1vbmx5LTMyYnk=");
  });

  it("are generated with the other secrets outside production and read back after a restart", async () => {
    delete process.env.AUTH_SECRET;
    delete process.env.ENCRYPTION_KEYS;
    const first = (await freshSecrets()).loadAuditSigningKeys();
    expect(parseSigningKeyRing(first).privateKeys.size).toBe(1);
    const stored = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
    expect(Object.keys(stored).sort()).toEqual(["auditSigningKeys", "authSecret", "encryptionKeys"]);
    expect((await freshSecrets()).loadAuditSigningKeys()).toBe(first);
  });

  it("are added to a secrets file from before anchoring, keeping its other secrets", async () => {
    const file = path.join(dataDir, "secrets.json");
    const older = {
      authSecret: "older-auth-secret",
      encryptionKeys: "kold:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    };
    fs.writeFileSync(file, JSON.stringify(older), { mode: 0o600 });
    const keys = (await freshSecrets()).loadAuditSigningKeys();
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ ...older, auditSigningKeys: keys });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(["secrets.json"]);
    expect((await freshSecrets()).loadAuditSigningKeys()).toBe(keys);
  });
});
