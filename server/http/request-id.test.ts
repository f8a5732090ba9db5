import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "./client-address";
import { settleRequestId } from "./request-id";

const proxies = parseTrustedProxies("10.0.0.0/8, fd00::/8");
const FRESH = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the request id", () => {
  it("keeps a well-formed id that a listed proxy sent", () => {
    expect(settleRequestId("10.1.2.3", "lb-2f1c9a7e", proxies)).toBe("lb-2f1c9a7e");
    expect(settleRequestId("::ffff:10.1.2.3", "trace.0001_a", proxies)).toBe("trace.0001_a");
    expect(settleRequestId("fd00::7", "0123456789abcdef", proxies)).toBe("0123456789abcdef");
  });

  it("is made here when the peer is not a listed proxy, whatever the client sends", () => {
    expect(settleRequestId("203.0.113.9", "chosen-by-the-client", proxies)).toMatch(FRESH);
    expect(settleRequestId(null, "chosen-by-the-client", proxies)).toMatch(FRESH);
    expect(settleRequestId("10.1.2.3", "chosen-by-the-client", parseTrustedProxies(""))).toMatch(FRESH);
  });

  it("is made here when a listed proxy sends none, or one that is too short, too long or holds other characters", () => {
    for (const offered of [null, "", "short", "x".repeat(65), "id with spaces", "id\nInjected: yes", "ünïcode-id"])
      expect(settleRequestId("10.1.2.3", offered, proxies)).toMatch(FRESH);
  });

  it("is a different one for every request it makes", () => {
    expect(settleRequestId(null, null, proxies)).not.toBe(settleRequestId(null, null, proxies));
  });
});
