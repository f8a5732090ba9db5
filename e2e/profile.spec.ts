import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

async function openProfile(page: Page) {
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
}

async function trySignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a changed name shows in the header, and a bad phone number is refused with what to fix", async ({ page }) => {
  await signIn(page, "liam.chen@acme.example");
  await openProfile(page);
  const form = page.getByRole("form", { name: "Personal details" });
  await expect(form.getByLabel("Name")).toHaveValue("Liam Chen");

  await form.getByLabel("Phone").fill("415 555 0100");
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Start the phone number with + and the country code, for example +1 415 555 0100.",
  );
  await expect(form.getByText(/^Request id [0-9a-f-]{36}$/)).toBeVisible();
  await expect(form.getByLabel("Phone")).toHaveValue("415 555 0100");

  await form.getByLabel("Name").fill("Liam Chen-Walsh");
  await form.getByLabel("Phone").fill("+1 415 555 0199");
  await form.getByLabel("Language").selectOption({ label: "English" });
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByRole("status")).toHaveText("Your profile is saved.");
  await expect(page.getByRole("button", { name: /Liam Chen-Walsh.*account menu/ })).toBeVisible();

  await page.reload();
  await expect(form.getByLabel("Phone")).toHaveValue("+14155550199");
  await expect(form.getByLabel("Language")).toHaveValue("en");
});

test("saving Nederlands in the profile turns the console Dutch, and English turns it back", async ({ page }) => {
  await signIn(page, "jonas.berg@acme.example");
  await openProfile(page);
  let form = page.getByRole("form", { name: "Personal details" });
  await form.getByLabel("Language").selectOption({ label: "Nederlands" });
  await form.getByRole("button", { name: "Save profile" }).click();

  form = page.getByRole("form", { name: "Persoonlijke gegevens" });
  await expect(form.getByRole("status")).toHaveText("Je profiel is opgeslagen.");
  await expect(page.getByRole("heading", { level: 1, name: "Profiel" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByRole("link", { name: "Beveiliging" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beveiliging" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verificatie in twee stappen aanzetten" })).toBeVisible();

  await page.getByRole("link", { name: "Profiel" }).click();
  await form.getByLabel("Taal").selectOption({ label: "English" });
  await form.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByRole("form", { name: "Personal details" }).getByRole("status")).toHaveText(
    "Your profile is saved.",
  );
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a changed password signs out the other browser and keeps this one", async ({ page, browser }) => {
  const email = "sofia.rossi@acme.example";
  const newPassword = "seven quiet lanterns over the harbour";
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await signIn(page, email);

  await openProfile(page);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "The current password is not right. Type the password you sign in with.",
  );

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Your password is changed. 1 other session was signed out.");

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();

  await trySignIn(otherPage, email, DEMO_PASSWORD);
  await expect(otherPage.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await trySignIn(otherPage, email, newPassword);
  await expect(otherPage).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await other.close();
});

test("an email change is confirmed from the link in the Mailbox, and the new address signs in", async ({ page }) => {
  const newEmail = `noah.${Date.now()}@keller.example`;
  await signIn(page, "noah.keller@acme.example");
  await openProfile(page);
  const form = page.getByRole("form", { name: "Change email" });
  await form.getByLabel("New email").fill(newEmail);
  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(form.getByRole("status")).toContainText(`We sent a confirmation link to ${newEmail}.`);

  await page.goto("/dev/mailbox?to=noah.keller%40acme.example");
  await expect(
    page.getByRole("article", { name: "Your Customer Console email address is about to change" }),
  ).toBeVisible();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(newEmail)}`);
  await page
    .getByRole("article", { name: "Confirm your new Customer Console email address" })
    .getByRole("link", { name: /\/confirm-email\// })
    .click();
  await expect(page.getByRole("heading", { name: "Confirm your new email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm new email" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `Your email address is now ${newEmail}. Sign in with it from now on.`,
  );

  await page.context().clearCookies();
  await trySignIn(page, "noah.keller@acme.example", DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signIn(page, newEmail);
  await openProfile(page);
  await expect(page.getByText(newEmail, { exact: true })).toBeVisible();
});

test("download my data gives a JSON file with the account's memberships", async ({ page }) => {
  await signIn(page, "emma.dubois@acme.example");
  await openProfile(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^customer-console-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  expect(data.account).toMatchObject({ email: "emma.dubois@acme.example", name: "Emma Dubois" });
  expect(data.memberships).toEqual([
    expect.objectContaining({ teamName: "Acme Corp", role: "member", groups: ["Finance"] }),
  ]);
  expect(JSON.stringify(data)).not.toContain("$argon2");

  // Only the page's own POST starts an export: not a link, nor a form on another site.
  expect((await page.request.get("/profile/data")).status()).toBe(405);
  const crossSite = await page.request.post("/profile/data", {
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
});

test("deleting an account is refused for a team owner and, for a member, signs out for good", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await openProfile(page);
  let form = page.getByRole("form", { name: "Delete my account" });
  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "You own Acme Connect and Acme Corp. Transfer ownership of these teams to another member first, then delete your account.",
  );

  await page.context().clearCookies();
  await signIn(page, "david.cohen@acme.example");
  await openProfile(page);
  form = page.getByRole("form", { name: "Delete my account" });
  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await trySignIn(page, "david.cohen@acme.example", DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
});
