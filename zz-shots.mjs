import { chromium } from "playwright-core";

const base = "http://localhost:3300";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
const page = await context.newPage();
await page.goto(`${base}/sign-in`);
await page.getByLabel("Email").fill("manager@acme.example");
await page.getByLabel("Password").fill("DemoPass-2026");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.waitForURL(/\/teams\/[0-9a-f-]+\/home$/);
const teamId = page.url().split("/")[4];
await page.goto(`${base}/teams/${teamId}/settings/api-keys`);
await page.getByRole("button", { name: "Create API key" }).click();
const dialog = page.getByRole("dialog", { name: "Create API key" });
await dialog.getByRole("textbox", { name: "Name" }).fill("Nightly export");
await dialog.getByRole("checkbox", { name: "see the team's users (members.read)" }).check();
await dialog.getByRole("button", { name: "Create API key" }).click();
const secret = await dialog.getByRole("textbox", { name: "API key" }).inputValue();
for (const scheme of ["light", "dark"]) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `/tmp/shots/apikey-dialog-${scheme}.png` });
}
await dialog.getByRole("button", { name: "Close" }).click();
await fetch(`${base}/api/v1/users`, { headers: { authorization: `Bearer ${secret}` } });
for (const [name, path] of [
  ["apikeys", `/teams/${teamId}/settings/api-keys`],
  ["scim", `/teams/${teamId}/settings/scim`],
  ["settings", `/teams/${teamId}/settings`],
  ["docs", `/api/docs`],
  ["audit", `/teams/${teamId}/audit`],
]) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${base}${path}`);
    await page.screenshot({ path: `/tmp/shots/${name}-${scheme}.png`, fullPage: name !== "docs" });
  }
}
await page.goto(`${base}/api/docs#inviteUsers`);
await page.emulateMedia({ colorScheme: "light" });
await page.screenshot({ path: `/tmp/shots/docs-invite-light.png` });
const cookies = await context.cookies();
console.log(JSON.stringify({ secret, teamId, cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }));
await browser.close();
