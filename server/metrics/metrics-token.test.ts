import { describe, expect, it } from "vitest";
import { bearerMatches, metricsToken } from "./metrics-token";

const TOKEN = "0123456789abcdef0123456789abcdef";

describe("METRICS_TOKEN", () => {
  it("is off when unset or empty", () => {
    expect(metricsToken(true, undefined)).toBeNull();
    expect(metricsToken(false, "")).toBeNull();
  });

  it("stops a production start when shorter than 32 characters, saying how long it must be", () => {
    expect(() => metricsToken(true, "short-token")).toThrow(
      "METRICS_TOKEN has 11 characters; with CONSOLE_ENV=production give at least 32",
    );
    expect(metricsToken(true, TOKEN)).toBe(TOKEN);
    expect(metricsToken(false, "short-token")).toBe("short-token");
  });

  it("matches only the exact token sent as a bearer token", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const wrong of [undefined, "", TOKEN, `Bearer ${TOKEN} `, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`])
      expect(bearerMatches(wrong, TOKEN)).toBe(false);
  });
});
