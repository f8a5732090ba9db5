import { describe, expect, it } from "vitest";
import { demoBanner } from "./demo-banner";

describe("the demo's banner", () => {
  const facts = {
    url: "http://localhost:3000",
    password: "DemoPass-2026",
    mailboxUrl: "http://localhost:3000/dev/mailbox",
    identityProviderUrl: "http://localhost:3001",
    hostsUrl: "http://127.0.0.1:3002/hosts/",
  };

  it("gives the URL, the demo accounts with their password, the Mailbox and the demo peers", () => {
    const banner = demoBanner(facts);
    for (const shown of [
      "Customer Console demo is ready: http://localhost:3000",
      "password DemoPass-2026",
      "owner@acme.example",
      "manager@acme.example",
      "member@acme.example",
      "http://localhost:3000/support",
      "http://localhost:3000/dev/mailbox",
      "http://localhost:3001",
      "http://127.0.0.1:3002/hosts/",
      "Ctrl-C",
    ])
      expect(banner).toContain(shown);
  });

  it("says where mail goes when an SMTP server takes it, and leaves out the peers that did not start", () => {
    const banner = demoBanner({ ...facts, mailboxUrl: undefined, identityProviderUrl: undefined, hostsUrl: undefined });
    expect(banner).toContain("goes to SMTP_URL");
    expect(banner).not.toContain("/dev/mailbox");
    expect(banner).not.toContain("Single sign-on");
    expect(banner).not.toContain("hosts emulator");
  });
});
