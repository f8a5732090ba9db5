import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { DEMO_PASSWORD, signIn, switchTeam, teamNavigation } from "./support";

const SUPPORT_TOTP_SECRET = "KNUXAUDSMVZE6Z3SN5UXG3LPNZ2XIZLT";

// An authentication code may be used once: support signs in once, and the journeys, run one
// after another, reuse that browser state.
test.describe.configure({ mode: "serial" });
let supportState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

/** A browser signed in as the demo support account. */
async function supportBrowser(browser: Browser) {
  const context = await browser.newContext(supportState ? { storageState: supportState } : {});
  const page = await context.newPage();
  if (supportState) await page.goto("/support");
  else {
    await signInAsSupport(page);
    supportState = await context.storageState();
  }
  return { context, page };
}

async function signInAsSupport(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("support@console.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SUPPORT_TOTP_SECRET), digits: 6, period: 30 });
  await page.getByLabel("Authentication code").fill(totp.generate());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/support$/);
}

async function openTeam(page: Page, name: string, reason: string) {
  await page.getByRole("searchbox", { name: "Search teams" }).fill(name);
  await page.getByRole("searchbox", { name: "Search teams" }).press("Enter");
  await expect(page.getByRole("table", { name: "Teams" }).getByRole("link", { name })).toBeVisible();
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Open read-only view" }).click();
}

test("support looks at a team read-only with its consent, and the team sees it in its audit log", async ({
  page,
  browser,
}) => {
  await signIn(page, "owner@acme.example");
  await switchTeam(page, "Acme Corp");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Note").fill("Ticket 4711");
  await page.getByRole("button", { name: "Grant support access" }).click();
  await expect(page.getByRole("list", { name: "Active support access" }).getByText("Ticket 4711")).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
  const teamUrl = page.url().replace(/\/settings$/, "");

  const { context: staffContext, page: staff } = await supportBrowser(browser);
  await openTeam(staff, "Acme Corp", "Ticket 4711: a user cannot open Invoices");
  await expect(staff.getByRole("region", { name: "Support view" })).toContainText(
    /Viewing Acme Corp as support · read only · ends .+/,
  );
  await teamNavigation(staff).getByRole("link", { name: "Users", exact: true }).click();
  await expect(staff.getByRole("cell", { name: "member@acme.example", exact: true })).toBeVisible();
  await expect(staff.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Invite users" })).toHaveCount(0);
  await staff.getByRole("button", { name: "View as Mina Patel" }).click();
  await expect(staff.getByRole("region", { name: "Support view" })).toContainText(
    "Viewing Acme Corp as Mina Patel (member@acme.example) · read only",
  );
  await expect(teamNavigation(staff).getByRole("link")).toHaveText(["Home", "Subscription"]);
  await expect(staff.getByRole("list", { name: "Custom apps" }).getByText("Customer CRM")).toBeVisible();
  await staff.getByRole("button", { name: "Back to manager view" }).click();
  await teamNavigation(staff).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(staff.getByRole("button", { name: "Grant support access" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await staff.getByRole("region", { name: "Support view" }).getByRole("button", { name: "Exit" }).click();
  await expect(staff).toHaveURL(/\/support$/);
  await staffContext.close();

  await page.goto(`${teamUrl}/audit`);
  for (const action of ["support.session.started", "support.viewed", "support.session.ended"]) {
    await page.getByLabel("Action").selectOption(action);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row").nth(1)).toContainText(
      "support@console.example",
    );
  }
});

test("without the team's consent, support cannot open it", async ({ browser }) => {
  const { context, page } = await supportBrowser(browser);
  await openTeam(page, "Acme Connect", "Ticket 4712");
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Acme Connect has not granted support access. Ask the team's owner or a manager to grant it in Settings.",
  );
  await expect(page.locator("form").getByText(/^Request id [0-9a-f-]{36}$/)).toBeVisible();
  await context.close();
});

test("when the team revokes access, the open view ends at the next request", async ({ page, browser }) => {
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Note").fill("Ticket 4713");
  await page.getByRole("button", { name: "Grant support access" }).click();
  const grants = page.getByRole("list", { name: "Active support access" });
  await expect(grants.getByText("Ticket 4713")).toBeVisible();

  const { context: staffContext, page: staff } = await supportBrowser(browser);
  await openTeam(staff, "Acme Corp", "Ticket 4713");
  await expect(staff.getByRole("region", { name: "Support view" })).toBeVisible();

  // Other journeys may hold grants of their own on Acme Corp: revoke them one at a time, as the list shrinks.
  const revokeButtons = grants.getByRole("button", { name: "Revoke" });
  for (let left = await revokeButtons.count(); left > 0; left--) {
    await revokeButtons.first().click();
    await expect(revokeButtons).toHaveCount(left - 1);
  }
  await expect(grants).toHaveCount(0);
  await staff.reload();
  await expect(staff).toHaveURL(/\/support\?ended=1$/);
  await expect(staff.getByRole("status")).toContainText("Your read-only view has ended");
  await staffContext.close();
});
