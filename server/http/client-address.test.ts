import { describe, expect, it } from "vitest";
import { clientAddress, isFromTrustedProxy, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7 fd00::/8");

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.20", "203.0.113.9", none)).toBe("198.51.100.20");
    expect(clientAddress("::ffff:198.51.100.20", "203.0.113.9, 10.0.0.1", none)).toBe("198.51.100.20");
    expect(clientAddress("2001:db8::5", null, none)).toBe("2001:db8::5");
  });

  it("is the socket's peer when the peer is not a listed proxy", () => {
    expect(clientAddress("198.51.100.20", "203.0.113.9", proxies)).toBe("198.51.100.20");
  });

  it("is the right-most hop that is not a trusted proxy, so a client's own entries on the left count for nothing", () => {
    expect(clientAddress("10.1.2.3", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(clientAddress("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.0.0.5", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:192.0.2.7", " 2001:db8::9 , fd00::1", proxies)).toBe("2001:db8::9");
  });

  it("stops at a hop that is not an address, keeping the last trusted one", () => {
    expect(clientAddress("10.1.2.3", "203.0.113.9, unknown", proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "", proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", null, proxies)).toBe("10.1.2.3");
  });

  it("is unknown without a socket address", () => {
    expect(clientAddress(null, "203.0.113.9", proxies)).toBeNull();
    expect(clientAddress("", "203.0.113.9", proxies)).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges of both families", () => {
    expect(isFromTrustedProxy("10.255.0.1", proxies)).toBe(true);
    expect(isFromTrustedProxy("192.0.2.7", proxies)).toBe(true);
    expect(isFromTrustedProxy("192.0.2.8", proxies)).toBe(false);
    expect(isFromTrustedProxy("fd00::abcd", proxies)).toBe(true);
    expect(isFromTrustedProxy("fe80::1", proxies)).toBe(false);
    expect(isFromTrustedProxy(null, proxies)).toBe(false);
  });

  it("names an entry that is neither an address nor a range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(
      'TRUSTED_PROXIES: "proxy.internal" is neither an IP address nor a CIDR range.',
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('"10.0.0.0/33"');
    expect(() => parseTrustedProxies("fd00::/8/1")).toThrow('"fd00::/8/1"');
  });
});
