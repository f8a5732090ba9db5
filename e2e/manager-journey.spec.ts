import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

test("a team manager sees the team's home, reads the audit log and signs out", async ({ page }) => {
  // Northwind Traders is this journey's own team: no other journey changes its seats or hosts.
  await signIn(page, "manager@northwind.example");

  await expect(page.getByRole("button", { name: /Northwind Traders/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
  const hosts = page.getByRole("list", { name: "Hosts" });
  await expect(hosts.getByRole("listitem")).toHaveCount(2);
  await expect(hosts.getByText("Northwind Production")).toBeVisible();
  await expect(hosts.getByText("Northwind Staging")).toBeVisible();
  await expect(hosts.getByText("Running")).toHaveCount(1);
  const seats = page.getByRole("meter", { name: "Seats used" });
  await expect(seats).toHaveAttribute("aria-valuemax", "20");
  await expect(seats).toHaveAttribute("aria-valuenow", "3");
  await expect(page.getByText("3 of 20", { exact: true })).toBeVisible();

  const nav = teamNavigation(page);
  for (const name of ["Home", "Users", "Groups", "Hosts", "Settings", "Subscription", "Audit log"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }

  await nav.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const events = page.getByRole("table", { name: "Audit events" });
  // The header and the team's 17 events, newest first: from the last host the platform added back to the team's creation.
  await expect(events.getByRole("row")).toHaveCount(18);
  await expect(events.getByRole("row").nth(1)).toContainText("Host created");
  await expect(events.getByRole("row").nth(1)).toContainText("Northwind Staging");
  await expect(events.getByRole("row").last()).toContainText("Team created");

  await page.getByLabel("Action").selectOption("team.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(events.getByRole("row")).toHaveCount(2);
  await expect(events.getByText("Team created")).toBeVisible();

  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});
