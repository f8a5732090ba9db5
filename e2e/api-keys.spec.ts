import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn, teamNavigation } from "./support";

const KEY_NAME = "Warehouse sync";

test("a manager creates an API key, copies it once, sees it listed by its prefix and revokes it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  const main = page.getByRole("main");

  await main.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(KEY_NAME);
  await dialog.getByRole("combobox", { name: "Expires" }).selectOption({ label: "180 days" });
  const scopes = dialog.getByRole("group", { name: "Scopes" });
  // What the manager may not do themselves, or what would let a key make keys, is not offered.
  await expect(scopes.getByRole("checkbox", { name: /subscription\.change/ })).toHaveCount(0);
  await expect(scopes.getByRole("checkbox", { name: /apiKeys\./ })).toHaveCount(0);
  await scopes.getByRole("checkbox", { name: "see the team's users (members.read)" }).check();
  await scopes.getByRole("checkbox", { name: "see the team's groups (groups.read)" }).check();
  await expectAccessible(page, "create API key dialog");
  await dialog.getByRole("button", { name: "Create API key" }).click();

  await expect(dialog.getByRole("status").first()).toContainText("it will not be shown again");
  const secretField = dialog.getByRole("textbox", { name: "API key" });
  await expect(secretField).toHaveAttribute("readonly", "");
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  const prefix = `${secret.slice(0, 11)}…`;
  const row = main.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: KEY_NAME });
  await expect(row.getByText(prefix, { exact: true })).toBeVisible();
  await expect(row).toContainText("members.read");
  await expect(row).toContainText("groups.read");
  await expect(row).toContainText("Never");
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  // The secret is nowhere on the page once its dialog is closed.
  expect(await page.content()).not.toContain(secret);
  await expectAccessible(page, "API keys with an active key");

  // The key works at once on the REST API, and the list says when and from where it was used.
  const asKey = { headers: { authorization: `Bearer ${secret}` } };
  const users = await page.request.get("/api/v1/users?role=manager", asKey);
  expect(users.status()).toBe(200);
  expect((await users.json()).data.map((u: { email: string }) => u.email)).toContain("manager@acme.example");
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke the API key ${KEY_NAME}?` });
  await expect(confirm).toContainText(prefix);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const refused = await page.request.get("/api/v1/users", asKey);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});
