import { startOidcPeer } from "./oidc-provider";

/**
 * The demo's company identity provider: an OpenID Connect provider on this machine with two
 * people, and the demo team's provider registered as its client. The demo seed creates that
 * provider with these fixed values; they are published, so they are good for a demo only.
 */
export const DEMO_IDENTITY_PROVIDER_ID = "5d0c1a2e-7f3b-4c8d-9e6a-1b2c3d4e5f60";
export const DEMO_OIDC_CLIENT_ID = "customer-console-demo";
export const DEMO_OIDC_CLIENT_SECRET = "demo-oidc-client-secret-published-in-readme";
export const DEMO_SSO_PASSWORD = "DemoPass-2026";

export const DEMO_SSO_PEOPLE = [
  { subject: "demo-sso-sam", email: "sam.sso@acme-sso.example", name: "Sam Sso", groups: ["Sales"] },
  {
    subject: "demo-sso-riley",
    email: "riley.sso@acme-sso.example",
    name: "Riley Sso",
    groups: ["Engineering", "Sales"],
  },
];

/** Where the demo provider listens: DEMO_OIDC_PORT, or the port after the console's. */
export function demoOidcPort(consolePort: number): number {
  return Number(process.env.DEMO_OIDC_PORT ?? consolePort + 1);
}

/** The issuer the seed gives the demo provider. */
export function demoOidcIssuer(consolePort: number): string {
  return `http://localhost:${demoOidcPort(consolePort)}`;
}

export async function startDemoSso({
  consolePort,
}: {
  consolePort: number;
}): Promise<{ issuer: string; close(): Promise<void> }> {
  const callbackPath = `/api/sso/${DEMO_IDENTITY_PROVIDER_ID}/callback`;
  // The console's public origin (AUTH_URL) is where the browser comes back to; localhost is its default.
  const origins = new Set([`http://localhost:${consolePort}`]);
  if (process.env.AUTH_URL) origins.add(new URL(process.env.AUTH_URL).origin);
  const peer = await startOidcPeer({
    port: demoOidcPort(consolePort),
    clients: [
      {
        clientId: DEMO_OIDC_CLIENT_ID,
        clientSecret: DEMO_OIDC_CLIENT_SECRET,
        redirectUris: [...origins].map((origin) => `${origin}${callbackPath}`),
      },
    ],
    people: DEMO_SSO_PEOPLE.map((person) => ({ ...person, password: DEMO_SSO_PASSWORD })),
  });
  return { issuer: peer.issuer, close: () => peer.close() };
}
