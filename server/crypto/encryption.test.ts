import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, keyIdOf, parseKeyRing } from "./encryption";

const newKey = () => randomBytes(32).toString("base64");

describe("encrypting secrets at rest", () => {
  const ring = parseKeyRing(`k1:${newKey()}`);

  it.each(["+1 415 555 0100", "", "Chloé Martin — 東京 🔐", "x".repeat(10_000)])(
    "reads back what it wrote (%#)",
    (plaintext) => {
      expect(decrypt(ring, encrypt(ring, plaintext))).toBe(plaintext);
    },
  );

  it("never writes the same ciphertext twice, nor the plaintext itself", () => {
    const a = encrypt(ring, "+1 415 555 0100");
    const b = encrypt(ring, "+1 415 555 0100");
    expect(a).not.toBe(b);
    expect(a).not.toContain("415");
  });

  it("names the key it used in the stored value", () => {
    const value = encrypt(ring, "secret");
    expect(value.startsWith("v1.k1.")).toBe(true);
    expect(keyIdOf(value)).toBe("k1");
  });
});

describe("rotating keys", () => {
  const oldKey = newKey();
  const before = parseKeyRing(`k2025:${oldKey}`);
  const after = parseKeyRing(`k2026:${newKey()}, k2025:${oldKey}`);

  it("still reads values written with the old key", () => {
    const stored = encrypt(before, "written last year");
    expect(decrypt(after, stored)).toBe("written last year");
  });

  it("writes new values with the first key of the ring", () => {
    expect(after.activeKeyId).toBe("k2026");
    expect(keyIdOf(encrypt(after, "written today"))).toBe("k2026");
  });

  it("says which key is missing when a value's key was removed from the ring", () => {
    const stored = encrypt(after, "written today");
    expect(() => decrypt(before, stored)).toThrow('Encryption key "k2026" is not in ENCRYPTION_KEYS');
  });
});

describe("tampered values", () => {
  const ring = parseKeyRing(`a:${newKey()},b:${newKey()}`);
  const stored = encrypt(ring, "+1 415 555 0100");
  const [version, keyId, iv, body] = stored.split(".") as [string, string, string, string];

  function flipFirstByte(base64url: string): string {
    const bytes = Buffer.from(base64url, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    return bytes.toString("base64url");
  }

  // AES-GCM's own refusal: the authentication tag does not match what was read.
  const NOT_AUTHENTIC = "Unsupported state or unable to authenticate data";

  it("are refused when the ciphertext changed", () => {
    expect(() => decrypt(ring, [version, keyId, iv, flipFirstByte(body)].join("."))).toThrow(NOT_AUTHENTIC);
  });

  it("are refused when the nonce changed", () => {
    expect(() => decrypt(ring, [version, keyId, flipFirstByte(iv), body].join("."))).toThrow(NOT_AUTHENTIC);
  });

  it("are refused when the value claims another key of the ring", () => {
    expect(() => decrypt(ring, [version, "b", iv, body].join("."))).toThrow(NOT_AUTHENTIC);
  });

  it("are refused when cut short", () => {
    const bytes = Buffer.from(body, "base64url");
    // A byte of ciphertext gone, the tag kept.
    expect(() => decrypt(ring, [version, keyId, iv, bytes.subarray(1).toString("base64url")].join("."))).toThrow(
      NOT_AUTHENTIC,
    );
    // Shorter than a tag.
    expect(() => decrypt(ring, [version, keyId, iv, body.slice(0, 10)].join("."))).toThrow(
      "Invalid authentication tag length: 7",
    );
  });

  it.each(["", "+1 415 555 0100", "v2.a.x.y", "v1.a.x"])(
    "that are not encrypted values at all are named so: %j",
    (value) => {
      expect(() => decrypt(ring, value)).toThrow("Not an encrypted value");
    },
  );
});

describe("reading ENCRYPTION_KEYS", () => {
  it("accepts several keys with spaces and a trailing comma, the first one active", () => {
    const ring = parseKeyRing(` k-new_2:${newKey()} ,k1:${newKey()},`);
    expect(ring.activeKeyId).toBe("k-new_2");
    expect([...ring.keys.keys()]).toEqual(["k-new_2", "k1"]);
  });

  it.each([
    ["an empty value", "", "ENCRYPTION_KEYS holds no key"],
    ["only commas", " , ,", "ENCRYPTION_KEYS holds no key"],
    [
      "an entry without a key",
      "k1",
      'ENCRYPTION_KEYS: entry 1 is not "keyid:base64key" (key id: letters, digits, - or _)',
    ],
    ["a key id with a space", `k1:${newKey()},my key:${newKey()}`, 'ENCRYPTION_KEYS: entry 2 is not "keyid:base64key"'],
    ["a key id longer than 32 characters", `${"k".repeat(33)}:${newKey()}`, 'is not "keyid:base64key"'],
    [
      "a 16-byte key",
      `k1:${randomBytes(16).toString("base64")}`,
      'ENCRYPTION_KEYS: key "k1" must be 32 bytes, base64-encoded',
    ],
    ["a key that is not base64 at all", "k1:not-a-key", 'ENCRYPTION_KEYS: key "k1" must be 32 bytes, base64-encoded'],
    ["a key id used twice", `k1:${newKey()},k1:${newKey()}`, 'ENCRYPTION_KEYS: key id "k1" appears twice'],
  ])("rejects %s with a message saying what is wrong", (_case, spec, message) => {
    expect(() => parseKeyRing(spec)).toThrow(message);
  });

  it("never repeats a key in its message, even one given without a key id", () => {
    const bareKey = newKey();
    expect(() => parseKeyRing(bareKey)).toThrow("entry 1 is not");
    expect(() => parseKeyRing(bareKey)).not.toThrow(bareKey);
  });
});
