import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { publishTxt } from "./dns-control";
import { signIn, teamNavigation } from "./support";

const DOMAIN = "initech-sso.example";

test("a manager adds a domain, publishes its TXT record and verifies it; a wrong value is refused with what was found", async ({
  page,
}) => {
  await signIn(page, "manager@initech.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "Verified domains" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verified domains" })).toBeVisible();
  const main = page.getByRole("main");

  await page.getByRole("textbox", { name: "Domain" }).fill("co.uk");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(main.getByRole("alert")).toHaveText(
    '"co.uk" is shared by many owners, not a domain of your own. Add the domain you own under it, like example.co.uk.',
  );

  await page.getByRole("textbox", { name: "Domain" }).fill("Initech-SSO.example");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(main.getByRole("status")).toHaveText(`${DOMAIN} added. Publish its TXT record, then verify it.`);
  const row = main.getByRole("table", { name: "Domains" }).getByRole("row").filter({ hasText: DOMAIN });
  await expect(row.getByText("Not verified", { exact: true })).toBeVisible();
  const [name, value] = await row.locator("code").allTextContents();
  expect(name).toBe(`_console-verification.${DOMAIN}`);
  expect(value).toMatch(/^console-verification=\S+$/);
  await expectAccessible(page, "verified domains with an unverified domain");

  await publishTxt(name!, ["console-verification=from-last-year"]);
  await row.getByRole("button", { name: `Verify ${DOMAIN}` }).click();
  await expect(row.getByRole("alert")).toHaveText(
    `The TXT record at ${name} holds "console-verification=from-last-year", not ${value}. Change it to ${value}, give DNS a few minutes to publish it, and verify again.`,
  );
  await expect(row.getByText("Not verified", { exact: true })).toBeVisible();

  await publishTxt(name!, [value!]);
  await row.getByRole("button", { name: `Verify ${DOMAIN}` }).click();
  await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  await expect(row.getByText(/^Last checked /)).toBeVisible();
  await expect(row.getByRole("button", { name: `Verify ${DOMAIN}` })).toHaveCount(0);

  await row.getByRole("button", { name: `Remove ${DOMAIN}` }).click();
  const confirm = page.getByRole("dialog", { name: `Remove ${DOMAIN}?` });
  await expect(confirm).toContainText("another team may verify it");
  await confirm.getByRole("button", { name: "Remove domain" }).click();
  await expect(main.getByText("No domains yet")).toBeVisible();
});
