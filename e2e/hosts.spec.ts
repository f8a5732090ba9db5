import { expect, type Locator, type Page, test } from "@playwright/test";
import { type HostsEmulator, startHostsEmulator } from "../hosts-emulator/emulator";
import { signIn, teamNavigation } from "./support";

/** Waits until the host's newest operation has finished, and expects it to have succeeded. */
async function expectOperationSucceeded(page: Page, what: string) {
  const newest = page.getByRole("list", { name: "Operations" }).getByRole("listitem").first();
  await expect(newest).toContainText(what);
  await expect(newest).toContainText("Succeeded", { timeout: 30_000 });
}

/** A dialog's request was queued: it says so, and Escape closes it. */
async function closeQueuedDialog(page: Page, dialog: Locator, what: string) {
  await expect(dialog.getByText(`${what} queued.`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

async function openHostTab(page: Page, tab: string) {
  await page.getByRole("navigation", { name: "Host" }).getByRole("link", { name: tab, exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: tab })).toBeVisible();
}

test("a manager operates Acme Production: clients, databases, a backup, a restart, and its metrics", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Hosts", exact: true }).click();
  await page.getByRole("link", { name: "Acme Production", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Production" })).toBeVisible();

  await openHostTab(page, "Clients");
  const fox = page.getByRole("row", { name: /Fox Mulder/ });
  await fox.getByRole("button", { name: "Send message" }).click();
  const message = page.getByRole("dialog", { name: "Send a message to Fox Mulder" });
  await message.getByLabel("Message").fill("The server restarts in five minutes.");
  await message.getByRole("button", { name: "Send message" }).click();
  await closeQueuedDialog(page, message, "Send message");
  await expectOperationSucceeded(page, "Send message");
  await fox.getByRole("button", { name: "Disconnect" }).click();
  const disconnect = page.getByRole("dialog", { name: "Disconnect Fox Mulder?" });
  await disconnect.getByLabel("Grace time (seconds)").fill("0");
  await disconnect.getByRole("button", { name: "Disconnect" }).click();
  await closeQueuedDialog(page, disconnect, "Disconnect client");
  await expectOperationSucceeded(page, "Disconnect");
  await expect(page.getByRole("row", { name: /Fox Mulder/ })).toHaveCount(0);

  await openHostTab(page, "Databases");
  const invoices = page.getByRole("row", { name: /Invoices/ });
  await invoices.getByRole("button", { name: "Close" }).click();
  const close = page.getByRole("dialog", { name: "Close Invoices?" });
  await close.getByRole("button", { name: "Close" }).click();
  await closeQueuedDialog(page, close, "Close database");
  await expectOperationSucceeded(page, "Close database");
  await expect(invoices).toContainText("Closed");
  await invoices.getByRole("button", { name: "Open" }).click();
  await expectOperationSucceeded(page, "Open database");
  await expect(invoices.getByRole("button", { name: "Close" })).toBeVisible();

  await openHostTab(page, "Backups");
  // Scheduled backups come every 20 minutes; the one asked for is "On demand".
  const backups = page.getByRole("table", { name: "Backups of this host" }).getByRole("row", { name: /On demand/ });
  const before = await backups.count();
  await page.getByRole("button", { name: "Back up now" }).click();
  await expectOperationSucceeded(page, "Back up now");
  await expect(backups).toHaveCount(before + 1);

  await openHostTab(page, "Overview");
  await page.getByRole("button", { name: "Restart host" }).click();
  const restart = page.getByRole("dialog", { name: /Restart/ });
  await expect(restart).toContainText(/\d+ (people are|person is) connected/);
  await restart.getByRole("button", { name: "Restart host" }).click();
  await closeQueuedDialog(page, restart, "Restart host");
  const newest = page.getByRole("list", { name: "Operations" }).getByRole("listitem").first();
  await expect(newest).toContainText("Restart host");
  await expect(newest).toContainText(/Queued|Running|Succeeded/);
  await expect(newest).toContainText("Succeeded", { timeout: 30_000 });
  await expect(page.getByText("Running", { exact: true }).first()).toBeVisible();

  await openHostTab(page, "Metrics");
  await expect(page.getByRole("img", { name: /^CPU over the last 24 hours/ }).locator("canvas")).toBeVisible();
  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
});

test("access to a custom app follows its groups: the Finance group gets Invoices, Sales loses it", async ({
  page,
  browser,
}) => {
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Hosts", exact: true }).click();
  await page.getByRole("button", { name: "Manage access to Invoices on Acme Production" }).click();
  const access = page.getByRole("dialog", { name: "Manage access to Invoices" });
  await access.getByLabel("Finance").check();
  await access.getByLabel("Sales").uncheck();
  await access.getByRole("button", { name: "Save access" }).click();
  await expect(access.getByText("1 group may use Invoices now.")).toBeVisible();

  const financeContext = await browser.newContext();
  const finance = await financeContext.newPage();
  await signIn(finance, "emma.dubois@acme.example");
  await expect(finance.getByRole("list", { name: "Custom apps" }).getByText("Invoices")).toBeVisible();
  await financeContext.close();

  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, "jonas.berg@acme.example");
  await expect(sales.getByRole("list", { name: "Custom apps" }).getByText("Customer CRM")).toBeVisible();
  await expect(sales.getByRole("list", { name: "Custom apps" }).getByText("Invoices")).toHaveCount(0);
  await salesContext.close();
});

test.describe("a self-hosted FileMaker Server", () => {
  let emulator: HostsEmulator;
  test.beforeAll(async () => {
    emulator = await startHostsEmulator({
      // A FileMaker Server of the team's own: the documented Admin API, without the platform's backups and figures.
      hosts: [
        { id: "office-server", adminUser: "fmsadmin", adminPassword: "office-admin-password", platformCalls: false },
      ],
    });
  });
  test.afterAll(() => emulator.close());

  test("is connected with its Admin API account: a wrong password is refused clearly, the right one connects it", async ({
    page,
  }) => {
    await signIn(page, "manager@acme.example");
    await teamNavigation(page).getByRole("link", { name: "Hosts", exact: true }).click();
    await page.getByRole("link", { name: "Connect a server" }).click();
    await page.getByLabel("Name").fill("Office Server");
    await page.getByLabel("Admin API URL").fill(emulator.url("office-server"));
    await page.getByLabel("Admin account").fill("fmsadmin");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Connect a server" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      'The server refused the admin account "fmsadmin" or its password.',
    );

    await page.getByLabel("Password").fill("office-admin-password");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/Connected: FileMaker Server/)).toBeVisible();
    await page.getByRole("button", { name: "Connect a server" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Office Server" })).toBeVisible();
    await openHostTab(page, "Databases");
    await expect(page.getByRole("row", { name: /Contacts/ })).toBeVisible();
    await openHostTab(page, "Backups");
    await expect(page.getByText("This host does not list its backups")).toBeVisible();
    await openHostTab(page, "Metrics");
    await expect(page.getByText("This server does not report load figures")).toBeVisible();
  });
});
