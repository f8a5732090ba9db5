import { type Browser, expect, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { type OidcPeer, startOidcPeer } from "../sso-peers/oidc-provider";
import { type SamlPeer, startSamlPeer } from "../sso-peers/saml-idp";
import { publishTxt } from "./dns-control";
import { DEMO_PASSWORD, signIn, teamNavigation } from "./support";

// Hooli is the journeys' single sign-on team: its people are on hooli.example, which it verifies here.
const DOMAIN = "hooli.example";
const NINA = { subject: "nina", email: "nina.new@hooli.example", name: "Nina New", password: DEMO_PASSWORD };
const SARA = { email: "sara.saml@hooli.example", name: "Sara Saml", password: DEMO_PASSWORD };
const OWNER_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";

let oidc: OidcPeer;
let saml: SamlPeer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  oidc = await startOidcPeer({ port: 0, clients: [], people: [{ ...NINA, groups: ["hooli-engineering"] }] });
  saml = await startSamlPeer({ port: 0, people: [{ ...SARA, groups: ["hooli-sales"] }] });
});
test.afterAll(async () => {
  await oidc.close();
  await saml.close();
});

async function openSettings(page: Page, link: string) {
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
}

/** The value the provider's page shows for one of the console's addresses ("Redirect URI", "ACS URL"…). */
async function shownAddress(page: Page, name: string): Promise<string> {
  return (
    (await page.locator("dt", { hasText: name }).locator("xpath=following-sibling::dd[1]").textContent())?.trim() ?? ""
  );
}

async function mapGroup(page: Page, group: string, providerGroup: string) {
  await teamNavigation(page).getByRole("link", { name: "Groups", exact: true }).click();
  await page.getByRole("link", { name: group, exact: true }).click();
  await page.getByLabel("Identity provider group").fill(providerGroup);
  await page.getByRole("button", { name: "Save provider group" }).click();
  await expect(page.getByRole("status")).toContainText(providerGroup);
}

/** A person who has never been here signs in through the provider, in a browser of their own. */
async function signInWithSso(browser: Browser, person: { email: string; password: string }, providerHeading: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await expect(page.getByRole("heading", { name: providerHeading })).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await expect(page.getByRole("button", { name: /Switch team.*Hooli/ })).toBeVisible();
  await context.close();
}

async function groupsOfUser(page: Page, email: string): Promise<string> {
  await teamNavigation(page).getByRole("link", { name: "Users", exact: true }).click();
  await page.getByRole("searchbox", { name: /Search/ }).fill(email);
  await page.getByRole("searchbox", { name: /Search/ }).press("Enter");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  return (await row.textContent()) ?? "";
}

test("a manager connects an OpenID Connect provider and a domain; a new person signs in through it and joins with a licence and a group", async ({
  page,
  browser,
}) => {
  await signIn(page, "manager@hooli.example");
  await openSettings(page, "Verified domains");
  await page.getByRole("textbox", { name: "Domain" }).fill(DOMAIN);
  await page.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByRole("table", { name: "Domains" }).getByRole("row").filter({ hasText: DOMAIN });
  await expect(row.getByText("Not verified", { exact: true })).toBeVisible();
  const [name, value] = await row.locator("code").allTextContents();
  await publishTxt(name!, [value!]);
  await row.getByRole("button", { name: `Verify ${DOMAIN}` }).click();
  await expect(row.getByText("Verified", { exact: true })).toBeVisible();

  await openSettings(page, "Identity providers");
  await page.getByRole("link", { name: "Add identity provider" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Hooli Okta");
  await page.getByLabel("Protocol").selectOption({ label: "OpenID Connect" });
  await page.getByLabel("Issuer URL").fill(oidc.issuer);
  await page.getByLabel("Client ID").fill("hooli-console");
  await page.getByLabel("Client secret").fill("hooli-client-secret");
  await page.getByRole("button", { name: "Add identity provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hooli Okta" })).toBeVisible();
  await expect(page.getByText("hooli-client-secret")).toHaveCount(0);
  oidc.addClient({
    clientId: "hooli-console",
    clientSecret: "hooli-client-secret",
    redirectUris: [await shownAddress(page, "Redirect URI")],
  });
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("The connection works");

  await mapGroup(page, "Engineering", "hooli-engineering");
  await signInWithSso(browser, NINA, "Demo identity provider");
  const nina = await groupsOfUser(page, NINA.email);
  expect(nina).toContain("Hooli Okta");
  expect(nina).toContain("Licensed");
  await teamNavigation(page).getByRole("link", { name: "Groups", exact: true }).click();
  await page.getByRole("link", { name: "Engineering", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: NINA.email })).toBeVisible();

  // Out of the provider group, out of the console group at the next sign-in.
  oidc.setGroups(NINA.email, []);
  await signInWithSso(browser, NINA, "Demo identity provider");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: NINA.email })).toHaveCount(0);
});

test("the same with a SAML 2.0 provider read from its metadata URL", async ({ page, browser }) => {
  await signIn(page, "manager@hooli.example");
  await openSettings(page, "Identity providers");
  await page.getByRole("link", { name: "Add identity provider" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Hooli ADFS");
  await page.getByLabel("Protocol").selectOption({ label: "SAML 2.0" });
  await page.getByLabel("Metadata URL").fill(saml.metadataUrl);
  await page.getByRole("button", { name: "Add identity provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hooli ADFS" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download SP metadata" })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("The connection works");
  // Two providers now: the person chooses.
  await mapGroup(page, "Sales", "hooli-sales");

  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto("/sign-in");
  await guest.getByLabel("Email").fill(SARA.email);
  await guest.getByRole("button", { name: "Sign in with SSO" }).click();
  await guest.getByRole("link", { name: "Continue with Hooli ADFS" }).click();
  await expect(guest.getByRole("heading", { name: "Demo SAML identity provider" })).toBeVisible();
  await guest.getByLabel("Email").fill(SARA.email);
  await guest.getByLabel("Password").fill(SARA.password);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await context.close();

  const sara = await groupsOfUser(page, SARA.email);
  expect(sara).toContain("Hooli ADFS");
  await teamNavigation(page).getByRole("link", { name: "Groups", exact: true }).click();
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: SARA.email })).toBeVisible();
});

test("with sign-in through the provider required, a member's password is refused and the owner gets in with password and code", async ({
  page,
  browser,
}) => {
  await signIn(page, "manager@hooli.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Require sign-in through the identity provider").check();
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByRole("status")).toContainText("Single sign-on");

  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto("/sign-in");
  await member.getByLabel("Email").fill("richard.hendricks@hooli.example");
  await member.getByLabel("Password").fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(member.getByRole("main").getByRole("alert")).toContainText(
    "Hooli signs in through its identity provider. Choose Sign in with SSO.",
  );

  await member.goto("/sign-in");
  await member.getByLabel("Email").fill("owner@hooli.example");
  await member.getByLabel("Password").fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: "Sign in", exact: true }).click();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(OWNER_TOTP) });
  await member.getByLabel("Authentication code").fill(totp.generate());
  await member.getByRole("button", { name: "Verify" }).click();
  await expect(member).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await context.close();
});
