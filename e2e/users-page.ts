import { expect, type Page } from "@playwright/test";
import { teamNavigation } from "./support";

/** Steps on a team's Users page and around invitations, shared by the journeys that manage users. */
export async function openUsers(page: Page) {
  await teamNavigation(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
}

/** Opens a row's menu and picks an item. */
export async function rowAction(page: Page, email: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

export async function invite(page: Page, emails: string, options: { licensed?: boolean } = {}) {
  await page.getByRole("button", { name: "Invite users" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  await dialog.getByLabel("Email addresses").fill(emails);
  if (options.licensed) await dialog.getByLabel("Give a FileMaker Cloud licence").check();
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  return dialog;
}

/** Opens the invitee's Mailbox once the invitation is there: it is written when the manager's dialog is sent. */
export async function readInvitation(guest: Page, email: string, team: string) {
  await expect(async () => {
    await guest.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(guest.getByRole("article", { name: `You are invited to join ${team}` })).toBeVisible({
      timeout: 1000,
    });
  }).toPass();
}

/** From the invitation mail in the Mailbox: create the account, verify it with the mailed code and join the team. */
export async function signUpFromInvitation(guest: Page, invitee: { email: string; name: string; team: string }) {
  const { email, name, team } = invitee;
  await readInvitation(guest, email, team);
  await guest
    .getByRole("article", { name: `You are invited to join ${team}` })
    .getByRole("link", { name: /\/invitations\// })
    .click();
  await guest.getByRole("link", { name: "Create account" }).click();
  await expect(guest.getByLabel("Email")).toHaveValue(email);
  await guest.getByLabel("Name").fill(name);
  await guest.getByLabel("Password").fill("joining the team with a long passphrase");
  await guest.getByRole("button", { name: "Create account" }).click();
  await expect(guest).toHaveURL(/\/verify\?/);

  const codePage = await guest.context().newPage();
  await codePage.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const subject = await codePage
    .getByRole("article")
    .filter({ hasText: "verification code" })
    .first()
    .getByRole("heading")
    .textContent();
  await codePage.close();
  await guest.getByLabel("Verification code").fill(/\d{6}/.exec(subject ?? "")![0]);
  await guest.getByRole("button", { name: "Verify" }).click();

  await guest.getByRole("button", { name: `Join ${team}` }).click();
  await expect(guest.getByRole("heading", { level: 1, name: team })).toBeVisible();
}
