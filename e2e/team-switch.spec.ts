import { expect, test } from "@playwright/test";
import { signIn, switchTeam, teamNavigation } from "./support";

test("the owner switches between the FileMaker Cloud and the Claris Connect team", async ({ page }) => {
  await signIn(page, "owner@acme.example");

  await switchTeam(page, "Acme Corp");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(teamNavigation(page).getByRole("link", { name: "Groups", exact: true })).toBeVisible();
  await expect(teamNavigation(page).getByRole("link", { name: "Hosts", exact: true })).toBeVisible();

  await switchTeam(page, "Acme Connect");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Connect" })).toBeVisible();
  await expect(page.getByText("Claris Connect").first()).toBeVisible();
  await expect(teamNavigation(page).getByRole("link")).toHaveText([
    "Home",
    "Users",
    "Settings",
    "Subscription",
    "Audit log",
  ]);
});
