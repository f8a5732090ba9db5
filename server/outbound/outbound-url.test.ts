import { afterEach, describe, expect, it, vi } from "vitest";
import { checkOutboundUrl } from "./outbound-url";

afterEach(() => {
  vi.unstubAllEnvs();
});

const problemOf = async (url: string) => {
  const verdict = await checkOutboundUrl(url);
  return verdict.ok ? "allowed" : verdict.problem;
};

describe("a provider URL the console may call", () => {
  it("is public https: private, loopback, link-local and mapped addresses are refused", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    expect(await problemOf("https://93.184.215.14/.well-known/openid-configuration")).toBe("allowed");
    for (const url of [
      "https://10.0.0.5/",
      "https://127.0.0.1/",
      "https://169.254.169.254/latest/meta-data/",
      "https://192.168.1.1/",
      "https://[::1]/",
      "https://[fd00::1]/",
      "https://[::ffff:10.0.0.1]/",
      "https://0.0.0.0/",
    ]) {
      expect(await problemOf(url), url).toBe("private_address");
    }
    expect(await problemOf("http://93.184.215.14/")).toBe("not_https");
    expect(await problemOf("file:///etc/passwd")).toBe("not_https");
    expect(await problemOf("not a url")).toBe("not_a_url");
  });

  it("may be plain http on loopback in a demo, and an operator may allow a private host by name", async () => {
    vi.stubEnv("CONSOLE_ENV", "demo");
    expect(await problemOf("http://localhost:3001")).toBe("allowed");
    expect(await problemOf("http://10.0.0.5/")).toBe("not_https");
    vi.stubEnv("CONSOLE_ENV", "production");
    expect(await problemOf("http://localhost:3001")).toBe("not_https");
    vi.stubEnv("OUTBOUND_ALLOWED_HOSTS", "10.0.0.5, idp.internal");
    expect(await problemOf("https://10.0.0.5/")).toBe("allowed");
  });
});
