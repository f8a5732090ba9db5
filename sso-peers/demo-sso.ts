import {
  DEMO_IDENTITY_PROVIDER_ID,
  DEMO_OIDC_CLIENT_ID,
  DEMO_OIDC_CLIENT_SECRET,
  DEMO_SSO_DOMAIN,
  DEMO_SSO_DOMAIN_TOKEN,
  DEMO_SSO_PASSWORD,
  DEMO_SSO_PEOPLE,
  demoOidcPort,
} from "../server/demo/demo-sso";
import { verificationRecord } from "../server/sso/domains/verification-record";
import { startDnsPeer } from "./dns-server";
import { startOidcPeer } from "./oidc-provider";

/** Starts the demo's OpenID Connect provider, with the demo team's provider registered as its client. */
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
  const dns = await startDemoDns();
  return {
    issuer: peer.issuer,
    close: async () => {
      await peer.close();
      await dns?.close();
    },
  };
}

/**
 * The demo's domain stays verified at the daily re-check: unless DNS_SERVERS names real
 * resolvers, the demo asks a DNS server of its own that publishes the domain's record.
 */
async function startDemoDns() {
  if (process.env.DNS_SERVERS) return null;
  const dns = await startDnsPeer({ port: 0 });
  const record = verificationRecord(DEMO_SSO_DOMAIN, DEMO_SSO_DOMAIN_TOKEN);
  dns.setTxt(record.name, [record.value]);
  process.env.DNS_SERVERS = `127.0.0.1:${dns.port}`;
  return dns;
}
