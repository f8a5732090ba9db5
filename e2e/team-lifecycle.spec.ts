import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

// Ahmed Hassan is a member of Acme Corp whose own list of teams no other journey looks at.
test("a member creates a Claris Connect team on a trial, renames it and gives it a billing contact", async ({
  page,
}) => {
  const name = `Hassan Flows ${Date.now()}`;
  const renamed = `${name} Group`;
  await signIn(page, "ahmed.hassan@acme.example");

  await page.getByRole("button", { name: /Switch team/ }).click();
  await page.getByRole("menuitem", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create team" })).toBeVisible();
  await page.getByLabel("Product").selectOption({ label: "Claris Connect" });
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("radio", { name: /^Pro\b/ }).check();
  await page.getByRole("button", { name: "Create team" }).click();

  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Trial" })).toBeVisible();
  await expect(page.getByText(/^The trial ends on /)).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`Switch team.*${name}`) })).toBeVisible();

  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  const teamName = page.getByRole("form", { name: "Team name" });
  await teamName.getByLabel("Team name").fill(renamed);
  await teamName.getByRole("button", { name: "Save" }).click();
  await expect(teamName.getByRole("status")).toHaveText(`The team is now called ${renamed}.`);
  await expect(page.getByRole("button", { name: new RegExp(`Switch team.*${renamed}`) })).toBeVisible();
  await page.getByRole("button", { name: /Switch team/ }).click();
  await expect(page.getByRole("menuitem", { name: renamed })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Acme Corp" })).toBeVisible();
  await page.keyboard.press("Escape");

  const billing = page.getByRole("form", { name: "Billing contact" });
  await billing.getByLabel("Name").fill("Bea Books");
  await billing.getByLabel("Email").fill("bea.books@hassan-flows.example");
  await billing.getByRole("button", { name: "Save billing contact" }).click();
  await expect(billing.getByRole("status")).toHaveText(
    "Billing notices now also go to bea.books@hassan-flows.example.",
  );
  await page.reload();
  await expect(billing.getByLabel("Email")).toHaveValue("bea.books@hassan-flows.example");
  await billing.getByRole("button", { name: "Remove billing contact" }).click();
  await expect(billing.getByRole("status")).toHaveText(
    "The billing contact is removed: billing notices go to the owner only.",
  );
  await expect(billing.getByLabel("Email")).toHaveValue("");
});
