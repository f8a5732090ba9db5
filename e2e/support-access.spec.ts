import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

test("revoking support access that another tab already revoked says so, with the request id", async ({
  page,
  context,
}) => {
  await signIn(page, "manager@northwind.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByLabel("Note").fill("Ticket 5120");
  await page.getByRole("button", { name: "Grant support access" }).click();
  const grants = page.getByRole("list", { name: "Active support access" });
  await expect(grants.getByText("Ticket 5120")).toBeVisible();

  // The same manager in a second tab revokes it first.
  const otherTab = await context.newPage();
  await otherTab.goto(page.url());
  await otherTab
    .getByRole("list", { name: "Active support access" })
    .getByRole("listitem")
    .filter({ hasText: "Ticket 5120" })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(otherTab.getByText("Support has no access now")).toBeVisible();

  const grant = grants.getByRole("listitem").filter({ hasText: "Ticket 5120" });
  await grant.getByRole("button", { name: "Revoke" }).click();
  await expect(grant.getByRole("alert")).toHaveText("This support access has already ended.");
  await expect(grant.getByText(/^Request id \S+$/)).toBeVisible();
  expect(await grant.getByText(/^Request id /).textContent()).not.toBe("Request id unknown");

  await page.reload();
  await expect(page.getByText("Support has no access now")).toBeVisible();
});
