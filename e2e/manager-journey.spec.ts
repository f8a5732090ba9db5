import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

test("a team manager sees the team's home, reads the audit log and signs out", async ({ page }) => {
  await signIn(page, "manager@acme.example");

  await expect(page.getByRole("button", { name: /Acme Corp/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  const hosts = page.getByRole("list", { name: "Hosts" });
  await expect(hosts.getByText("Acme Production")).toBeVisible();
  await expect(hosts.getByText("Acme Staging")).toBeVisible();
  await expect(hosts.getByText("Running")).toBeVisible();
  // 30 seats, or 35 once the subscription journey (running alongside) has added five.
  await expect(page.getByRole("meter", { name: "Seats used" })).toHaveAttribute("aria-valuemax", /^3[05]$/);
  await expect(page.getByText(/\d+ of 3[05]/)).toBeVisible();

  const nav = teamNavigation(page);
  for (const name of ["Home", "Users", "Groups", "Hosts", "Settings", "Subscription", "Audit log"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }

  await nav.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events.getByRole("row").nth(1)).toBeVisible();
  await expect(events.getByText("Team created")).toHaveCount(0); // newest first: the first page ends before the team's creation

  await page.getByLabel("Action").selectOption("team.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(events.getByRole("row")).toHaveCount(2);
  await expect(events.getByText("Team created")).toBeVisible();

  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});
