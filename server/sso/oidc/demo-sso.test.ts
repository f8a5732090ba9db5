import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { signInAtOidcPeer } from "@/server/testing/oidc-peer-browser";
import { startDemoSso } from "@/sso-peers/demo-sso";
import {
  DEMO_IDENTITY_PROVIDER_ID,
  DEMO_OIDC_CLIENT_ID,
  DEMO_OIDC_CLIENT_SECRET,
  DEMO_SSO_PASSWORD,
} from "../../demo/demo-sso";
import { ssoEndpoints } from "../sso-endpoints";
import { beginOidcSignIn, finishOidcSignIn } from "./sign-in";
import { testOidcConnection } from "./test-connection";

const consolePort = 3999;
vi.stubEnv("CONSOLE_ENV", "demo");
// Any free port: the demo's own (the console's port + 1) may be taken on this machine.
vi.stubEnv("DEMO_OIDC_PORT", "0");
vi.stubEnv("AUTH_URL", `http://localhost:${consolePort}`);

let demo: { issuer: string; close(): Promise<void> };

beforeAll(async () => {
  demo = await startDemoSso({ consolePort });
});

afterAll(async () => {
  await demo.close();
  vi.unstubAllEnvs();
});

it("the demo's company provider signs Riley in to the demo team's provider, with Riley's groups", async () => {
  const { redirectUri } = ssoEndpoints(DEMO_IDENTITY_PROVIDER_ID);
  expect(redirectUri).toBe(`http://localhost:${consolePort}/api/sso/${DEMO_IDENTITY_PROVIDER_ID}/callback`);
  const provider = {
    id: DEMO_IDENTITY_PROVIDER_ID,
    issuer: demo.issuer,
    clientId: DEMO_OIDC_CLIENT_ID,
    clientSecret: DEMO_OIDC_CLIENT_SECRET,
    scopes: "openid email profile",
    groupClaim: "groups",
  };
  expect(await testOidcConnection(provider)).toMatchObject({ ok: true });

  const begun = await beginOidcSignIn(provider, { redirectUri, state: "demo-state" });
  const answer = await signInAtOidcPeer(begun.authorizationUrl, {
    email: "riley.sso@acme-sso.example",
    password: DEMO_SSO_PASSWORD,
  });
  const claims = await finishOidcSignIn(provider, {
    ...begun,
    callbackUrl: answer.url,
    redirectUri,
    state: "demo-state",
  });

  expect(claims).toMatchObject({
    email: "riley.sso@acme-sso.example",
    name: "Riley Sso",
    groups: ["Engineering", "Sales"],
  });
});
