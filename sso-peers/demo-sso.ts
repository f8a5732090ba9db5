import {
  DEMO_IDENTITY_PROVIDER_ID,
  DEMO_OIDC_CLIENT_ID,
  DEMO_OIDC_CLIENT_SECRET,
  DEMO_SSO_PASSWORD,
  DEMO_SSO_PEOPLE,
  demoOidcPort,
} from "../server/demo/demo-sso";
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
  return { issuer: peer.issuer, close: () => peer.close() };
}
