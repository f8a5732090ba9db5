import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { expectAccessible } from "./axe";
import { DEMO_PASSWORD, signIn, switchTeam, teamNavigation } from "./support";

// axe takes its time on a busy machine: each test walks many pages, twice each.
test.describe.configure({ mode: "parallel", timeout: 600_000 });

/** Every page route of the app, in the form of its folder under app/, and who looks at it below. */
const ROUTES_BY_ROLE = {
  signedOut: [
    "/",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/verify",
    "/confirm-email/[token]",
    "/invitations/[token]",
    "/reset-password/[token]",
    "/dev/mailbox",
    "/api/docs",
  ],
  owner: [
    "/teams/[teamId]/home",
    "/teams/[teamId]/users",
    "/teams/[teamId]/users/transfers",
    "/teams/[teamId]/groups",
    "/teams/[teamId]/groups/[groupId]",
    "/teams/[teamId]/hosts",
    "/teams/[teamId]/hosts/connect",
    "/teams/[teamId]/hosts/[hostId]",
    "/teams/[teamId]/hosts/[hostId]/databases",
    "/teams/[teamId]/hosts/[hostId]/clients",
    "/teams/[teamId]/hosts/[hostId]/backups",
    "/teams/[teamId]/hosts/[hostId]/schedules",
    "/teams/[teamId]/hosts/[hostId]/metrics",
    "/teams/[teamId]/settings",
    "/teams/[teamId]/settings/domains",
    "/teams/[teamId]/settings/identity-providers",
    "/teams/[teamId]/settings/identity-providers/new",
    "/teams/[teamId]/settings/identity-providers/[identityProviderId]",
    "/teams/[teamId]/settings/scim",
    "/teams/[teamId]/settings/api-keys",
    "/teams/[teamId]/settings/webhooks",
    "/teams/[teamId]/settings/webhooks/[webhookEndpointId]",
    "/teams/[teamId]/subscription",
    "/teams/[teamId]/audit",
    "/teams/new",
    "/profile",
    "/profile/security",
    "/notifications",
  ],
  manager: [
    "/teams/[teamId]/home",
    "/teams/[teamId]/users",
    "/teams/[teamId]/users/transfers",
    "/teams/[teamId]/groups",
    "/teams/[teamId]/hosts",
    "/teams/[teamId]/settings",
    "/teams/[teamId]/settings/domains",
    "/teams/[teamId]/settings/identity-providers",
    "/teams/[teamId]/settings/scim",
    "/teams/[teamId]/settings/api-keys",
    "/teams/[teamId]/settings/webhooks",
    "/teams/[teamId]/audit",
    "/notifications",
  ],
  member: ["/teams/[teamId]/home", "/teams/[teamId]/subscription", "/teams/new", "/profile"],
  supportStaff: ["/support"],
  supportView: [
    "/teams/[teamId]/home",
    "/teams/[teamId]/users",
    "/teams/[teamId]/users/transfers",
    "/teams/[teamId]/groups",
    "/teams/[teamId]/hosts",
    "/teams/[teamId]/hosts/[hostId]",
    "/teams/[teamId]/hosts/[hostId]/databases",
    "/teams/[teamId]/hosts/[hostId]/clients",
    "/teams/[teamId]/hosts/[hostId]/backups",
    "/teams/[teamId]/hosts/[hostId]/schedules",
    "/teams/[teamId]/hosts/[hostId]/metrics",
    "/teams/[teamId]/settings",
    "/teams/[teamId]/settings/domains",
    "/teams/[teamId]/settings/identity-providers",
    "/teams/[teamId]/settings/scim",
    "/teams/[teamId]/settings/api-keys",
    "/teams/[teamId]/settings/webhooks",
    "/teams/[teamId]/subscription",
    "/teams/[teamId]/audit",
  ],
} as const;

type Params = { teamId?: string; groupId?: string; hostId?: string; webhookEndpointId?: string };
/** Acme Corp's provider, seeded with a published id for the demo. */
const DEMO_IDENTITY_PROVIDER_ID = "5d0c1a2e-7f3b-4c8d-9e6a-1b2c3d4e5f60";

/** Visits each route with the given ids (links that need no real token get one that is not) and checks it. */
async function checkRoutes(page: Page, role: string, routes: readonly string[], params: Params = {}) {
  for (const route of routes) {
    const url = route
      .replace("[teamId]", params.teamId ?? "")
      .replace("[groupId]", params.groupId ?? "")
      .replace("[hostId]", params.hostId ?? "")
      .replace("[identityProviderId]", DEMO_IDENTITY_PROVIDER_ID)
      .replace("[webhookEndpointId]", params.webhookEndpointId ?? "")
      .replace("[token]", "not-a-real-token");
    await page.goto(url);
    await expect(page.locator("main#main")).toBeVisible();
    await expectAccessible(page, `${role} ${url}`);
  }
}

async function expectAccessibleWhileOpen(page: Page, opener: Locator, opened: Locator, what: string) {
  await opener.click();
  await expect(opened).toBeVisible();
  await expectAccessible(page, what);
  await page.keyboard.press("Escape");
  await expect(opened).toBeHidden();
}

/** A host's id, read from its link on the Hosts page. */
async function hostIdOf(page: Page, teamId: string, name: string) {
  await page.goto(`/teams/${teamId}/hosts`);
  const link = page.getByRole("main").getByRole("link", { name, exact: true });
  return (await link.getAttribute("href"))!.split("/").at(-1)!;
}

/** The demo has no webhook endpoint: one is added, pointing at a loopback port nothing listens on. */
async function addWebhookEndpoint(page: Page, teamId: string) {
  await page.goto(`/teams/${teamId}/settings/webhooks`);
  await page.getByRole("main").getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByRole("textbox", { name: "URL" }).fill("http://127.0.0.1:9/accessibility-journey");
  await dialog.getByRole("checkbox", { name: /^All events/ }).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
  const link = page.getByRole("main").getByRole("link", { name: "http://127.0.0.1:9/accessibility-journey" }).first();
  return (await link.getAttribute("href"))!.split("/").at(-1)!;
}

function teamIdOf(page: Page) {
  return page.url().match(/\/teams\/([0-9a-f-]+)\//)![1]!;
}

test("every page route is checked by this journey", () => {
  const app = path.join(process.cwd(), "app");
  const pages = fs
    .readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => segment !== "." && !segment.startsWith("("));
      return `/${segments.join("/")}`;
    });
  const checked = new Set<string>(Object.values(ROUTES_BY_ROLE).flat());
  expect(pages.filter((route) => !checked.has(route))).toEqual([]);
});

test("signed out, every page meets WCAG 2.1 AA, and so does the 404 page", async ({ page }) => {
  await checkRoutes(page, "signed out", ROUTES_BY_ROLE.signedOut);
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "signed out 404");
});

test("as the owner, every page, dialog and menu meets WCAG 2.1 AA", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await switchTeam(page, "Acme Corp");
  const teamId = teamIdOf(page);
  await page.goto(`/teams/${teamId}/groups`);
  const groupLink = page.getByRole("main").getByRole("link", { name: "Sales", exact: true });
  const groupId = (await groupLink.getAttribute("href"))!.split("/").at(-1)!;
  const hostId = await hostIdOf(page, teamId, "Acme Production");
  const webhookEndpointId = await addWebhookEndpoint(page, teamId);
  await checkRoutes(page, "owner", ROUTES_BY_ROLE.owner, { teamId, groupId, hostId, webhookEndpointId });

  await page.goto(`/teams/${teamId}/users`);
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: "Invite users" }),
    page.getByRole("dialog", { name: "Invite users" }),
    "owner invite users dialog",
  );
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: "Import CSV" }),
    page.getByRole("dialog", { name: "Import users from CSV" }),
    "owner import CSV dialog",
  );
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: "Actions for member@acme.example" }),
    page.getByRole("menu", { name: "Actions for member@acme.example" }),
    "owner row action menu",
  );
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: /Switch team/ }),
    page.getByRole("menu", { name: "Your teams" }),
    "owner team switcher",
  );
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: /account menu/ }),
    page.getByRole("menu", { name: "Account menu" }),
    "owner profile menu",
  );
  await page.goto(`/teams/${teamId}/groups`);
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: "Create group" }),
    page.getByRole("dialog", { name: "Create group" }),
    "owner create group dialog",
  );
  await page.goto(`/teams/${teamId}/settings/api-keys`);
  await expectAccessibleWhileOpen(
    page,
    page.getByRole("button", { name: "Create API key" }),
    page.getByRole("dialog", { name: "Create API key" }),
    "owner create API key dialog",
  );
});

test("as a team manager, every page meets WCAG 2.1 AA", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  await checkRoutes(page, "manager", ROUTES_BY_ROLE.manager, { teamId: teamIdOf(page) });
});

test("as a member, every page meets WCAG 2.1 AA, and so do the 403 and 404 pages", async ({ page }) => {
  await signIn(page, "member@acme.example");
  const teamId = teamIdOf(page);
  await checkRoutes(page, "member", ROUTES_BY_ROLE.member, { teamId });
  await page.goto(`/teams/${teamId}/users`);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  await expectAccessible(page, "member 403");
  await page.goto(`/teams/${teamId}/no-such-page`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "member 404");
});

test("support staff in the staff console and a read-only team view meet WCAG 2.1 AA", async ({ page, browser }) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  // Initech: the support journeys count on Acme Connect having no consent and revoke Acme Corp's.
  await signIn(ownerPage, "owner@initech.example");
  await teamNavigation(ownerPage).getByRole("link", { name: "Settings", exact: true }).click();
  await ownerPage.getByLabel("Note").fill("Accessibility review");
  await ownerPage.getByRole("button", { name: "Grant support access" }).click();
  await expect(ownerPage.getByRole("list", { name: "Active support access" })).toContainText("Accessibility review");
  await owner.close();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("support@console.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32("KNUXAUDSMVZE6Z3SN5UXG3LPNZ2XIZLT") });
  await expectAccessible(page, "support authentication code");
  await page.getByLabel("Authentication code").fill(totp.generate());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/support$/);
  await checkRoutes(page, "support", ROUTES_BY_ROLE.supportStaff);

  await page.getByRole("searchbox", { name: "Search teams" }).fill("Initech");
  await page.getByRole("searchbox", { name: "Search teams" }).press("Enter");
  await expect(page.getByRole("table", { name: "Teams" }).getByRole("link", { name: "Initech" })).toBeVisible();
  await page.getByLabel("Reason").fill("Accessibility review");
  await page.getByRole("button", { name: "Open read-only view" }).click();
  await expect(page.getByRole("region", { name: "Support view" })).toBeVisible();
  const teamId = teamIdOf(page);
  const hostId = await hostIdOf(page, teamId, "Initech Production");
  await checkRoutes(page, "support view", ROUTES_BY_ROLE.supportView, { teamId, hostId });
  await page.goto(`/teams/${teamId}/home`);
  await page.getByRole("region", { name: "Support view" }).getByRole("button", { name: "Exit" }).click();
  await expect(page).toHaveURL(/\/support$/);
});

/** The element that has the keyboard focus. */
function focused(page: Page) {
  return page.locator("*:focus");
}

test("the keyboard skips to the main content, works every menu and leaves dialogs where it opened them", async ({
  page,
}) => {
  await signIn(page, "manager@acme.example");
  // A page as it loads, not one that kept the focus of the sign-in form.
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(focused(page)).toHaveText("Skip to main content");
  await page.keyboard.press("Enter");
  await expect(focused(page)).toHaveAttribute("id", "main");

  const accountMenuButton = page.getByRole("button", { name: /account menu/ });
  const accountMenu = page.getByRole("menu", { name: "Account menu" });
  await accountMenuButton.focus();
  await page.keyboard.press("Enter");
  await expect(accountMenu.getByRole("menuitem", { name: "Profile" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(accountMenu.getByRole("menuitem", { name: "Security" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(accountMenu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(accountMenu.getByRole("menuitem", { name: "Profile" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(accountMenu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(accountMenu.getByRole("menuitem", { name: "Profile" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(accountMenu).toBeHidden();
  await expect(accountMenuButton).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(accountMenu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Space");
  await expect(accountMenu.getByRole("menuitem", { name: "Profile" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(accountMenuButton).toBeFocused();

  const switcherButton = page.getByRole("button", { name: /Switch team/ });
  const switcher = page.getByRole("menu", { name: "Your teams" });
  await switcherButton.focus();
  await page.keyboard.press("ArrowDown");
  await expect(switcher.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(switcher).toBeHidden();
  await expect(switcherButton).toBeFocused();

  await teamNavigation(page).getByRole("link", { name: "Users", exact: true }).click();
  const rowButton = page.getByRole("button", { name: "Actions for member@acme.example" });
  const rowMenu = page.getByRole("menu", { name: "Actions for member@acme.example" });
  await rowButton.focus();
  await page.keyboard.press("Enter");
  await expect(rowMenu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("End");
  await expect(rowMenu.getByRole("menuitem").last()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(rowMenu).toBeHidden();
  await expect(rowButton).toBeFocused();

  const inviteButton = page.getByRole("button", { name: "Invite users" });
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  await inviteButton.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press("Tab");
    // Focus stays in the dialog (or, past its last field, in the browser's own controls).
    expect(
      await page.evaluate(() => {
        const active = document.activeElement;
        return active === document.body || !!active?.closest("dialog[open]");
      }),
    ).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(inviteButton).toBeFocused();
});

test("the profile menu switches the console to Dutch and back to English", async ({ page }) => {
  await signIn(page, "jonas.berg@acme.example");
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitemradio", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Start" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Naar de hoofdinhoud" })).toBeAttached();

  await page.reload();
  await page.getByRole("button", { name: /accountmenu/ }).click();
  await expect(page.getByRole("menuitemradio", { name: "Nederlands" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(teamNavigation(page).getByRole("link", { name: "Home", exact: true })).toBeVisible();
});
