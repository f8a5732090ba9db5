import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "DemoPass-2026";

/** Signs in through the form, as a person would, and waits for the team's home. */
export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
}

export function teamNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Team" });
}

/** Opens the team switcher and picks a team by name. */
export async function switchTeam(page: Page, name: string) {
  await page.getByRole("button", { name: /Switch team/ }).click();
  await page.getByRole("menuitem", { name }).click();
  await expect(page.getByRole("button", { name: new RegExp(`Switch team.*${name}`) })).toBeVisible();
}
