import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support";

// A read-only member of a team whose people no other journey changes.
const email = "ella.moss@northwind.example";

test.use({ locale: "en-US" });

test("a visitor switches the sign-in page to Dutch, signs in, and the console follows the account's own language", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with your Claris ID" })).toBeVisible();
  const language = page.getByRole("form", { name: "Language" });
  await language.getByRole("combobox", { name: "Language" }).selectOption({ label: "Nederlands" });
  await language.getByRole("button", { name: "Change language" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Inloggen met je Claris ID" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("combobox", { name: "Taal" })).toHaveValue("nl");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();

  // The account's stored language (English) comes before the choice made while signed out.
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Home" })).toBeVisible();
});

test("a browser that asks for Dutch sees the sign-in page in Dutch without choosing", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen met je Claris ID" })).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toBeVisible();
  await expect(page.getByLabel("Wachtwoord")).toBeVisible();
  await expect(page.getByRole("button", { name: "Inloggen", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Taal wijzigen" })).toBeVisible();
  await context.close();
});
