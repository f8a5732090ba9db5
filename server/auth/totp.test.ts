import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { totpCodeAt, verifyTotp } from "./totp";

/** RFC 6238's test seed for SHA-1, the ASCII of "12345678901234567890", in the base32 that setup keys use. */
const RFC_SECRET_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/** RFC 6238 Appendix B, SHA-1 column: Unix time and the published 8-digit code. */
const RFC_VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

/**
 * The console's codes have 6 digits. The truncated value is the same for every length and the
 * code is that value modulo 10^digits (RFC 4226 §5.3), so a 6-digit code is the last six digits
 * of the published 8-digit one.
 */
const sixDigits = (published: string) => published.slice(-6);

describe("time-based codes (RFC 6238)", () => {
  it("are checked with the RFC's own seed", () => {
    expect(Buffer.from(OTPAuth.Secret.fromBase32(RFC_SECRET_BASE32).buffer).toString("ascii")).toBe(
      "12345678901234567890",
    );
  });

  it.each(RFC_VECTORS)("accept the published SHA-1 code at time %i", (seconds, published) => {
    const at = new Date(seconds * 1000);
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits(published), at, null)).toEqual({
      ok: true,
      step: Math.floor(seconds / 30),
    });
    expect(totpCodeAt(RFC_SECRET_BASE32, at)).toBe(sixDigits(published));
  });

  it("accept a code typed with spaces", () => {
    expect(verifyTotp(RFC_SECRET_BASE32, "287 082", new Date(59_000), null)).toEqual({ ok: true, step: 1 });
  });

  it("accept the codes of one step either side for clock drift, and not two", () => {
    // 1111111109 and 1111111111 lie in neighbouring steps (37037036 and 37037037).
    const at = new Date(1111111111 * 1000);
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits("07081804"), at, null)).toEqual({ ok: true, step: 37037036 });
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits("07081804"), new Date(at.getTime() + 60_000), null)).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("refuse a code of another time", () => {
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits("89005924"), new Date(1111111109 * 1000), null)).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("refuse the code of the step already used, and of an earlier step, as replays", () => {
    const at = new Date(1111111111 * 1000);
    const used = verifyTotp(RFC_SECRET_BASE32, sixDigits("14050471"), at, null);
    expect(used).toEqual({ ok: true, step: 37037037 });
    const lastUsedStep = 37037037;
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits("14050471"), at, lastUsedStep)).toEqual({
      ok: false,
      reason: "replayed",
    });
    // The previous step's code is still inside the drift window, but older than the one used.
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits("07081804"), at, lastUsedStep)).toEqual({
      ok: false,
      reason: "replayed",
    });
    // The next step's code is newer, so it is taken.
    const next = new Date(at.getTime() + 30_000);
    expect(verifyTotp(RFC_SECRET_BASE32, totpCodeAt(RFC_SECRET_BASE32, next), next, lastUsedStep)).toEqual({
      ok: true,
      step: 37037038,
    });
  });
});
