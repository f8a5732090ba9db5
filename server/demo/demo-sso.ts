/**
 * The demo's company identity provider: fixed, published values shared by the demo seed (the
 * provider row of Acme Corp) and the OpenID Connect provider `npm start` runs beside a demo.
 */
export const DEMO_IDENTITY_PROVIDER_ID = "5d0c1a2e-7f3b-4c8d-9e6a-1b2c3d4e5f60";
export const DEMO_OIDC_CLIENT_ID = "customer-console-demo";
export const DEMO_OIDC_CLIENT_SECRET = "demo-oidc-client-secret-published-in-readme";
export const DEMO_SSO_PASSWORD = "DemoPass-2026";
export const DEMO_SSO_DOMAIN = "acme-sso.example";
/** The TXT record value the demo's DNS server answers for the demo domain. */
export const DEMO_SSO_DOMAIN_TOKEN = "demo-domain-verification-published";

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
