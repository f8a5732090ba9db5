import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { invite, openUsers, rowAction, signUpFromInvitation } from "./users-page";

test("an invitee who signs up is managed by Acme Corp, so the manager can license, deactivate and reactivate them", async ({
  page,
  browser,
}) => {
  const email = `managed-${Date.now()}@elsewhere.example`;
  await signIn(page, "manager@acme.example");
  await openUsers(page);
  const dialog = await invite(page, email);
  await expect(dialog.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  await dialog.getByRole("button", { name: "Close" }).click();

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await signUpFromInvitation(guest, { email, name: "Mana Ged", team: "Acme Corp" });
  await guest.goto("/profile");
  await expect(guest.getByText(/Managed by\s*Acme Corp/)).toBeVisible();

  await page.getByLabel("Search users").fill(email);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByText("Managed", { exact: true })).toBeVisible();

  await rowAction(page, email, "Add licence");
  await expect(row.getByText("Licensed", { exact: true })).toBeVisible();

  await rowAction(page, email, "Deactivate");
  await page.getByRole("dialog", { name: "Deactivate?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  // The invitee's open session ends with the deactivation: its next request lands on sign-in.
  await guest.reload();
  await expect(guest).toHaveURL(/\/sign-in/);

  await rowAction(page, email, "Reactivate");
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await visitor.close();
});
