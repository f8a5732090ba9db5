import { describe, expect, it } from "vitest";
import { normaliseDomain } from "./domain-name";

describe("a domain as a team types it", () => {
  it("is stored in lower case, in punycode, without a trailing dot", () => {
    expect(normaliseDomain("  Example.COM. ")).toBe("example.com");
    expect(normaliseDomain("Bücher.Example")).toBe("xn--bcher-kva.example");
    expect(normaliseDomain("mail.eu.example.co.uk")).toBe("mail.eu.example.co.uk");
  });

  it("is refused when it is not a host name", () => {
    for (const text of [
      "https://example.com",
      "example.com/",
      "sam@example.com",
      "exa mple.com",
      "-bad.example",
      "a..example",
      "192.0.2.1",
      "",
    ]) {
      expect(() => normaliseDomain(text), text).toThrow("is not a domain name. Enter one like example.com");
    }
  });

  it("is refused when many owners share it", () => {
    expect(() => normaliseDomain("com")).toThrow(
      '"com" is shared by many owners, not a domain of your own. Add the domain you own under it, like example.com.',
    );
    expect(() => normaliseDomain("CO.UK")).toThrow('"co.uk" is shared by many owners');
    expect(() => normaliseDomain("github.io")).toThrow("is shared by many owners");
  });
});
