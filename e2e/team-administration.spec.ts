import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, teamNavigation } from "./support";
import { invite, openUsers, readInvitation, rowAction, signUpFromInvitation } from "./users-page";

/** 5 of Initech's 10 seats are taken when the first journey asks for 40 more. */
const SEAT_REFUSAL = "Only 5 of 10 seats are free and 40 are needed. Remove licences or add seats to the subscription.";

// Initech is these journeys' own team (seeded for them), so every count below is exact: nothing else changes it.
const MANAGER = "manager@initech.example";

test("a team manager invites, imports, licenses, groups, deactivates and reactivates users", async ({ page }) => {
  await signIn(page, MANAGER);
  await openUsers(page);
  await expect(page.getByText("3 of 10 licences in use", { exact: true })).toBeVisible();

  const dialog = await invite(page, "ana.new@initech.example, ben.new@initech.example");
  await expect(dialog.getByRole("status")).toContainText(
    "Invitations sent to ana.new@initech.example, ben.new@initech.example",
  );
  await dialog.getByRole("button", { name: "Close" }).click();
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByText("ana.new@initech.example")).toBeVisible();

  await page.getByRole("button", { name: "Import CSV" }).click();
  const importer = page.getByRole("dialog", { name: "Import users from CSV" });
  await importer.getByLabel("CSV file").setInputFiles({
    name: "users.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "email,name,role,licensed,groups\ncsv.one@initech.example,One,member,yes,Sales\ncsv.two@initech.example,Two,manager,no,\nbad-address,Three,member,no,\n",
    ),
  });
  await expect(importer.getByRole("status")).toHaveText("3 rows: 2 to import, 0 to skip, 1 with errors.");
  await expect(importer.getByRole("table", { name: "Rows that will not be imported" })).toContainText(
    '"bad-address" is not an email address',
  );
  await importer.getByRole("button", { name: "Import 2 users" }).click();
  await expect(importer.getByRole("status")).toHaveText("Invited 2 users; 0 skipped, 1 with errors not imported.");
  await importer.getByRole("button", { name: "Close" }).click();
  await expect(pending.getByText("csv.one@initech.example")).toBeVisible();

  const rita = "rita.novak@initech.example";
  const ritaRow = page.getByRole("row").filter({ hasText: rita });
  await rowAction(page, rita, "Add licence");
  await expect(ritaRow.getByText("Licensed", { exact: true })).toBeVisible();

  await ritaRow.getByRole("checkbox", { name: `Select ${rita}` }).check();
  await page.getByLabel("Group for selected users").selectOption({ label: "Finance" });
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByText("1 user added to the group.")).toBeVisible();

  await rowAction(page, rita, "Deactivate");
  await page.getByRole("dialog", { name: "Deactivate?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(ritaRow.getByText("Deactivated", { exact: true })).toBeVisible();
  await rowAction(page, rita, "Reactivate");
  await expect(ritaRow.getByText("Active", { exact: true })).toBeVisible();

  // The owner's row offers nothing, and an external user is removed rather than deactivated.
  await page.getByRole("button", { name: "Actions for owner@initech.example" }).click();
  await expect(page.getByText("The team's owner cannot be changed.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Actions for tom.becker@partner.example" }).click();
  await expect(page.getByRole("menuitem", { name: "Remove from team" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await teamNavigation(page).getByRole("link", { name: "Groups", exact: true }).click();
  await page.getByRole("link", { name: "Finance" }).click();
  await expect(page.getByRole("table", { name: "Members of Finance" }).getByText(rita)).toBeVisible();

  await openUsers(page);
  // The three seeded licences, the licensed CSV invitation and the new licence: 5 of 10 seats taken.
  await expect(page.getByText("5 of 10 licences in use", { exact: true })).toBeVisible();
  const addresses = Array.from({ length: 40 }, (_, i) => `seat${i}@initech.example`).join("\n");
  const refused = await invite(page, addresses, { licensed: true });
  await expect(refused.getByRole("alert")).toHaveText(SEAT_REFUSAL);
  await expect(refused.getByText(/^Request id \S+$/)).toBeVisible();
});

test("the manager searches, sorts, filters and exports the users", async ({ page }) => {
  await signIn(page, MANAGER);
  await openUsers(page);
  const users = page.getByRole("table", { name: "Users" });
  await page.getByLabel("Search users").fill("PARTNER");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(users.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Search users").fill("");
  await page.getByLabel("Status").selectOption("deactivated");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(users.getByRole("row")).toHaveCount(3);
  await expect(
    users.getByRole("row").filter({ hasText: "omar.farah@initech.example" }).getByText("Deactivated", { exact: true }),
  ).toBeVisible();
  await expect(
    users
      .getByRole("row")
      .filter({ hasText: "lena.fischer@initech.example" })
      .getByText("Deactivated", { exact: true }),
  ).toBeVisible();
  await users.getByRole("link", { name: /^Email/ }).click();
  await expect(users.getByRole("columnheader", { name: /Email/ })).toHaveAttribute("aria-sort", "ascending");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const fs = await import("node:fs");
  const csv = fs.readFileSync(file, "utf8");
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("name,email,role,licensed,status,type,two_step,last_sign_in,identity_provider");
  expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual([
    "lena.fischer@initech.example",
    "omar.farah@initech.example",
  ]);
  expect(lines.slice(1).every((line) => line.split(",")[4] === "deactivated")).toBe(true);
});

test("an invitee opens the link from the Mailbox, signs in and joins Initech", async ({ page, browser }) => {
  await signIn(page, MANAGER);
  await openUsers(page);
  await invite(page, "newcomer@elsewhere.example\nauditor@ledger.example");

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  const mail = guest.getByRole("article", { name: "You are invited to join Initech" });
  await readInvitation(guest, "newcomer@elsewhere.example", "Initech");
  await mail.getByRole("link", { name: /\/invitations\// }).click();
  await expect(guest.getByRole("heading", { name: "Join Initech" })).toBeVisible();
  await expect(guest.getByRole("link", { name: "Create account" })).toHaveAttribute(
    "href",
    /^\/sign-up\?email=newcomer%40elsewhere\.example&next=%2Finvitations%2F/,
  );
  await expect(guest.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    /^\/sign-in\?next=%2Finvitations%2F/,
  );

  await readInvitation(guest, "auditor@ledger.example", "Initech");
  await mail.getByRole("link", { name: /\/invitations\// }).click();
  const invitationUrl = guest.url();
  await guest.getByRole("link", { name: "Sign in" }).click();
  await guest.getByLabel("Email").fill("auditor@ledger.example");
  await guest.getByLabel("Password").fill(DEMO_PASSWORD);
  await guest.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(guest).toHaveURL(invitationUrl);
  await guest.getByRole("button", { name: "Join Initech" }).click();
  // Exact: "Join Initech" is a level-1 heading too, until the join has landed.
  await expect(guest.getByRole("heading", { level: 1, name: "Initech", exact: true })).toBeVisible();

  await guest.goto(invitationUrl);
  await expect(guest.getByText(/This invitation has already been used/)).toBeVisible();
  await visitor.close();
});

test("a Claris Connect team says it has no licences and no groups", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await page.getByRole("button", { name: /Switch team/ }).click();
  await page.getByRole("menuitem", { name: /Acme Connect/ }).click();
  await openUsers(page);
  await expect(page.getByText("Claris Connect teams have no per-user licences and no groups.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Licence/ })).toHaveCount(0);
});

test("an invitee opens the link from the Mailbox, signs up and lands in Initech", async ({ page, browser }) => {
  const email = `joiner-${Date.now()}@elsewhere.example`;
  await signIn(page, MANAGER);
  await openUsers(page);
  await invite(page, email);

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await signUpFromInvitation(guest, { email, name: "Jo Iner", team: "Initech" });
  await expect(guest.getByRole("button", { name: /Switch team.*Initech/ })).toBeVisible();
  await visitor.close();
});

test("a team manager sets how long departed users' personal data is kept, within bounds", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const days = page.getByLabel("Keep departed users' personal data (days)");
  await expect(days).toHaveValue("90");

  // The browser's own range check is skipped so the console's answer shows.
  await days.evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
  await days.fill("0");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText(
    "Keep departed users' personal data for at least 1 day.",
  );

  await days.fill("30");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Retention saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Keep departed users' personal data (days)")).toHaveValue("30");
  await page.screenshot({ path: "/tmp/personal-data-settings.png", fullPage: true });
});

test("a row action the rules refuse by the time it is clicked shows the refusal and its request id", async ({
  page,
}) => {
  const peter = "peter.gibbons@initech.example";
  await signIn(page, MANAGER);
  await openUsers(page);
  const peterRow = page.getByRole("row").filter({ hasText: peter });
  await expect(peterRow.getByText("Member", { exact: true })).toBeVisible();

  // Another tab of the same manager makes Peter a team manager while this list still offers to deactivate him.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await rowAction(other, peter, "Make team manager");
  await expect(other.getByRole("status").filter({ hasText: `${peter} is now a team manager.` })).toBeVisible();
  await other.close();

  await rowAction(page, peter, "Deactivate");
  await page.getByRole("dialog", { name: "Deactivate?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(peterRow.getByRole("alert")).toHaveText(
    `Only the team's owner can change another team manager; ${peter} is one.`,
  );
  await expect(peterRow.getByText(/^Request id \S+$/)).toBeVisible();
  // The list is read again: Peter is a team manager and his row no longer offers what the owner alone may do.
  await expect(peterRow.getByText("Team manager", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${peter}` }).click();
  await expect(page.getByText("You cannot change this user.")).toBeVisible();
});
