import { describe, expect, it } from "vitest";
import { bearerSecretOf, hashBearerSecret, newBearerSecret } from "./bearer-secret";

describe("bearer secrets", () => {
  it("are the lead and 32 random bytes in base64url, named by a prefix and stored as a hash", () => {
    const { secret, prefix, hash } = newBearerSecret("cc_");
    expect(secret).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(secret.slice(0, 11));
    expect(hash).toBe(hashBearerSecret(secret));
    expect(hash).not.toContain(secret.slice(3));
    expect(newBearerSecret("cc_").secret).not.toBe(secret);
  });

  it("are read from an Authorization header only in the Bearer scheme", () => {
    expect(bearerSecretOf("Bearer cc_abc")).toBe("cc_abc");
    expect(bearerSecretOf("bearer  cc_abc ")).toBe("cc_abc");
    expect(bearerSecretOf("Basic Y2NfYWJj")).toBeNull();
    expect(bearerSecretOf(null)).toBeNull();
    expect(bearerSecretOf("Bearer a b")).toBeNull();
  });
});
