export interface DemoBannerFacts {
  url: string;
  password: string;
  /** The Mailbox page's URL while it keeps the mail, otherwise undefined (SMTP_URL is set). */
  mailboxUrl: string | undefined;
  /** The demo peers that started: the identity provider and the hosts emulator. */
  identityProviderUrl: string | undefined;
  hostsUrl: string | undefined;
}

/** What a person who ran `npm start` needs to begin, printed once the demo serves. */
export function demoBanner(facts: DemoBannerFacts): string {
  const lines = [
    "",
    `  Customer Console demo is ready: ${facts.url}`,
    "",
    `  Sign in with any of these, password ${facts.password}:`,
    "    owner@acme.example      owner of Acme Corp and Acme Connect",
    "    manager@acme.example    team manager of Acme Corp",
    "    member@acme.example     licensed member of Acme Corp",
    `    support@console.example support staff, at ${facts.url}/support (two-step: see the README)`,
    "",
    facts.mailboxUrl
      ? `  Mail the console sends (codes, invitations, resets): ${facts.mailboxUrl}`
      : "  Mail the console sends goes to SMTP_URL.",
    ...(facts.identityProviderUrl
      ? [`  Single sign-on: sam.sso@acme-sso.example at the demo provider ${facts.identityProviderUrl}`]
      : []),
    ...(facts.hostsUrl ? [`  FileMaker hosts (the hosts emulator): ${facts.hostsUrl}`] : []),
    "",
    "  Stop with Ctrl-C. The data stays in the data directory for the next start.",
    "",
  ];
  return lines.join("\n");
}
