import { expect, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import type postgres from "postgres";
import { type ConsoleDatabase, consoleSecrets, createConsoleDatabase } from "./console-database";
import { type ConsoleProcess, startConsoleProcess } from "./console-process";
import { DEMO_PASSWORD } from "./support";
import { invite, openUsers, readInvitation } from "./users-page";

/**
 * Everything a server logs while people sign up, turn on two-step verification, sign in with
 * codes, reset a password, invite someone and use an API key — at the most talkative level —
 * holds none of the secrets that went through it: passwords, codes, tokens, the TOTP secret,
 * recovery codes, session ids, cookies or the text of the mail it sent.
 */
const port = Number(process.env.E2E_PORT ?? 3210) + 50;
const base = `http://localhost:${port}`;

let database: ConsoleDatabase | undefined;
let db: postgres.Sql;
let server: ConsoleProcess | undefined;

test.use({ baseURL: base });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createConsoleDatabase("log_secrets", 2);
  db = database.sql;
  server = await startConsoleProcess(port, {
    DATABASE_URL: database.url,
    ...consoleSecrets("klog"),
    JOB_INTERVAL_MS: "500",
    LOG_LEVEL: "trace",
  });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await server?.stop();
  await database?.drop();
});

/** What went through the console and must never be in its log. */
class Secrets {
  readonly #values = new Map<string, string>();
  add(what: string, value: string | null | undefined) {
    if (value) this.#values.set(value, what);
  }
  foundIn(log: string): string[] {
    return [...this.#values].filter(([value]) => appearsIn(log, value)).map(([, what]) => what);
  }
  get size() {
    return this.#values.size;
  }
}

/** Short numeric codes count only as a whole word, so that an id or a number in the log does not match them by chance. */
function appearsIn(log: string, value: string): boolean {
  if (/^\d{6,8}$/.test(value)) return new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`).test(log);
  return log.includes(value);
}

async function latestMail(page: Page, to: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Mailbox" })).toBeVisible();
  const mail = page.getByRole("article").first();
  await expect(mail).toBeVisible();
  return mail;
}

/** The mail's text, line by line (the longer lines: a greeting alone is not a secret), and the tokens in its links. */
async function rememberMail(secrets: Secrets, page: Page, to: string) {
  const mail = await latestMail(page, to);
  for (const text of await mail.locator("*").allTextContents()) {
    const line = text.trim();
    if (line.length >= 40 && line.length <= 400) secrets.add(`a line of the mail to ${to}`, line);
  }
  for (const href of await mail.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
    for (const [name, value] of new URL(href!, base).searchParams)
      if (value.length >= 16) secrets.add(`the ${name} in a link mailed to ${to}`, value);
  return mail;
}

function codeAt(setupKey: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setupKey.replaceAll(" ", "")), period: 30 }).generate({
    timestamp: at,
  });
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function rememberCookies(secrets: Secrets, page: Page) {
  for (const cookie of await page.context().cookies())
    if (cookie.value.length >= 16) secrets.add(`the ${cookie.name} cookie`, cookie.value);
}

test("a journey's logs hold no password, code, token, TOTP secret, recovery code, session id, cookie or mail text", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The demo password is published (the demo's banner prints it); the passwords chosen below are not.
  const secrets = new Secrets();

  // Sign up, with the code from the mail.
  const newcomer = `newcomer-${Date.now()}@example.com`;
  const signUpPassword = "a long and unusual passphrase for logs";
  secrets.add("a sign-up password", signUpPassword);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(newcomer);
  await page.getByLabel("Password").fill(signUpPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify\?/);
  const verification = await rememberMail(secrets, page, newcomer);
  const code = /\d{6}/.exec((await verification.getByRole("heading").textContent()) ?? "")![0];
  secrets.add("an email verification code", code);
  await page.goto(`/verify?email=${encodeURIComponent(newcomer)}`);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(`You are signed in as ${newcomer}`)).toBeVisible();
  await rememberCookies(secrets, page);
  await page.context().clearCookies();

  // Two-step verification turned on, then used with a code and with a recovery code.
  const email = "oliver.brown@acme.example";
  await passwordStep(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await page.goto("/profile/security");
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const setupKey = (await page.getByLabel("Setup key").textContent())!;
  secrets.add("the TOTP secret", setupKey);
  secrets.add("the TOTP secret", setupKey.replaceAll(" ", ""));
  const firstCode = codeAt(setupKey, Date.now());
  secrets.add("a TOTP code", firstCode);
  await page.getByLabel("Authentication code").fill(firstCode);
  await page.getByRole("button", { name: "Verify" }).click();
  const recoveryCodes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  for (const recoveryCode of await recoveryCodes.allTextContents()) secrets.add("a recovery code", recoveryCode);
  const [recoveryCode] = await recoveryCodes.allTextContents();
  await rememberCookies(secrets, page);
  await page.reload();
  await signOut(page);
  await passwordStep(page, email, DEMO_PASSWORD);
  const nextCode = codeAt(setupKey, Date.now() + 30_000);
  secrets.add("a TOTP code", nextCode);
  await page.getByLabel("Authentication code").fill(nextCode);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await rememberCookies(secrets, page);
  await signOut(page);
  await passwordStep(page, email, DEMO_PASSWORD);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await rememberCookies(secrets, page);
  await signOut(page);

  // A password reset from the mailed link.
  const forgetful = "amara.okafor@acme.example";
  const newPassword = "my new garden of long words for logs";
  secrets.add("a new password", newPassword);
  await page.getByRole("button", { name: "Forgot password?" }).click();
  await page.getByLabel("Email").fill(forgetful);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${forgetful}`);
  const reset = await rememberMail(secrets, page, forgetful);
  await reset.getByRole("link", { name: /reset-password/ }).click();
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Sign in with the new one.");

  // A manager invites someone and makes an API key, which then calls the REST API.
  await passwordStep(page, "manager@acme.example", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await rememberCookies(secrets, page);
  const invitee = `invitee-${Date.now()}@example.com`;
  await openUsers(page);
  await expect((await invite(page, invitee)).getByRole("status")).toBeVisible();
  await readInvitation(page, invitee, "Acme Corp");
  await rememberMail(secrets, page, invitee);
  await page.goBack();
  await page.goto(`${new URL(page.url()).pathname.replace(/\/[^/]+$/, "")}/home`);
  await page.goto(page.url().replace(/\/home$/, "/settings/api-keys"));
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Log check");
  await dialog
    .getByRole("group", { name: "Scopes" })
    .getByRole("checkbox", { name: "see the team's users (members.read)" })
    .check();
  await dialog.getByRole("button", { name: "Create API key" }).click();
  const apiKey = await dialog.getByRole("textbox", { name: "API key" }).inputValue();
  secrets.add("an API key", apiKey);
  expect((await page.request.get("/api/v1/users", { headers: { authorization: `Bearer ${apiKey}` } })).status()).toBe(
    200,
  );

  for (const { id } of await db<{ id: string }[]>`select id from sessions`) secrets.add("a session id", id);
  expect(secrets.size).toBeGreaterThan(30);

  // Stopped, so that everything the server had to say is written.
  server!.signal("SIGTERM");
  expect(await server!.exited).toBe(0);
  const log = server!.log();
  expect(log.split("\n").length).toBeGreaterThan(100);
  expect(secrets.foundIn(log)).toEqual([]);
});
