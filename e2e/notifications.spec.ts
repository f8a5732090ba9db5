import { expect, type Page, test } from "@playwright/test";
import { signIn, switchTeam, teamNavigation } from "./support";

// Acme Connect's owner offers the team to Ines Torres, one of its managers, whom no other journey
// signs in as; she declines at the end, so Acme Connect has no open offer for the other journeys.
const OWNER = "owner@acme.example";
const MANAGER = "it@acme.example";
const OFFER_TITLE = "You are offered ownership of Acme Connect";

/** The bell counts what the dispatcher (every 5 s) has delivered by the time the page is drawn. */
async function waitForUnread(page: Page) {
  const bell = page.getByRole("link", { name: /^Notifications/ });
  await expect(async () => {
    await page.reload();
    await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/, { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  return bell;
}

test("a manager offered ownership sees the bell count, opens the notification and lands on the offer", async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, OWNER);
  await switchTeam(owner, "Acme Connect");
  const connectHome = owner.url();
  await teamNavigation(owner).getByRole("link", { name: "Users", exact: true }).click();
  await owner.getByRole("button", { name: `Actions for ${MANAGER}` }).click();
  await owner.getByRole("menuitem", { name: "Transfer ownership" }).click();
  await owner
    .getByRole("dialog", { name: "Transfer ownership?" })
    .getByRole("button", { name: "Transfer ownership" })
    .click();
  await expect(owner.getByText(`Ownership was offered to ${MANAGER}; it moves when they accept.`)).toBeVisible();

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, MANAGER);
  const bell = await waitForUnread(manager);
  // The badge shows the count too, for the eye.
  await expect(bell.getByText(/^\d+$/)).toBeVisible();
  await bell.click();
  await expect(manager.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();

  const offer = manager
    .getByRole("list", { name: "Your notifications" })
    .getByRole("listitem")
    .filter({ hasText: OFFER_TITLE });
  await expect(offer).toContainText("Acme Connect");
  await expect(offer).toContainText("Unread");
  await offer.getByRole("button", { name: OFFER_TITLE }).click();

  await expect(manager).toHaveURL(connectHome);
  const offerPanel = manager.getByRole("region", { name: "Ownership transfer" });
  await expect(offerPanel).toContainText("You are asked to become the owner of Acme Connect.");

  // Opened is read; the filter by team shows it alone, and it can be deleted.
  await manager.goto("/notifications");
  await manager.getByLabel("Team").selectOption({ label: "Acme Connect" });
  await manager.getByRole("button", { name: "Filter" }).click();
  const filtered = manager.getByRole("list", { name: "Your notifications" }).getByRole("listitem");
  const opened = filtered.filter({ hasText: OFFER_TITLE });
  await expect(opened).toBeVisible();
  await expect(opened).not.toContainText("Unread");
  await opened.getByRole("button", { name: "Delete" }).click();
  await expect(filtered.filter({ hasText: OFFER_TITLE })).toHaveCount(0);
  await manager.getByRole("button", { name: "Mark all as read" }).click();
  await expect(manager.getByRole("status").filter({ hasText: /marked as read|Nothing was unread/ })).toBeVisible();

  // The email choices: kinds the change mails itself are fixed.
  const offers = manager.getByRole("group", { name: "Ownership offers" });
  await expect(offers.getByRole("checkbox", { name: "Also by email" })).toBeChecked();
  await expect(offers.getByRole("checkbox", { name: "Also by email" })).toBeDisabled();
  const seats = manager
    .getByRole("group", { name: "All seats in use" })
    .getByRole("checkbox", { name: "Also by email" });
  await seats.check();
  await manager.getByRole("button", { name: "Save email choices" }).click();
  await expect(manager.getByText("Email choices saved.")).toBeVisible();
  await manager.reload();
  await expect(
    manager.getByRole("group", { name: "All seats in use" }).getByRole("checkbox", { name: "Also by email" }),
  ).toBeChecked();

  // Declined, so Acme Connect has no open offer for the other journeys.
  await manager.goto(connectHome);
  await manager.getByRole("region", { name: "Ownership transfer" }).getByRole("button", { name: "Decline" }).click();
  await expect(manager.getByRole("region", { name: "Ownership transfer" })).toHaveCount(0);
});
