import { expect, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { DEMO_PASSWORD, signIn } from "./support";

/** The newest mail to an address, as the Mailbox page shows it. */
async function openLatestMail(page: Page, to: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Mailbox" })).toBeVisible();
  return page.getByRole("article").first();
}

function codeAt(setupKey: string, at: number): string {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(setupKey.replaceAll(" ", "")),
    digits: 6,
    period: 30,
  });
  return totp.generate({ timestamp: at });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function passwordStep(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a newcomer signs up, reads the code in the Mailbox, verifies and is signed in", async ({ page }) => {
  const email = `newcomer-${Date.now()}@example.com`;
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("among the most common");
  await page.getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify\?/);

  const mail = await openLatestMail(page, email);
  const code = /\d{6}/.exec((await mail.getByRole("heading").textContent()) ?? "")![0];

  await page.goto(`/verify?email=${encodeURIComponent(email)}`);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "You are not in any team yet" })).toBeVisible();
  await expect(page.getByText(`You are signed in as ${email}`)).toBeVisible();
});

test("two-step verification: turned on with the setup key, then a code, then a recovery code used only once", async ({
  page,
}) => {
  const email = "oliver.brown@acme.example";
  await signIn(page, email);
  await page.goto("/profile/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const setupKey = (await page.getByLabel("Setup key").textContent())!;
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(codeAt(setupKey, Date.now()));
  await page.getByRole("button", { name: "Verify" }).click();
  const recoveryCodes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  const codes = await recoveryCodes.allTextContents();

  // The session was replaced at this privilege change, and the browser followed it.
  await page.reload();
  await expect(page.getByText(/On since/)).toBeVisible();
  await signOut(page);

  await passwordStep(page, email);
  // The code of the next time step: the current one was just used to turn it on.
  await page.getByLabel("Authentication code").fill(codeAt(setupKey, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await signOut(page);

  await passwordStep(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);
  await signOut(page);

  await passwordStep(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "This code is not right, or it was used before. Try the next code from your app.",
  );
});

test("a forgotten password is reset from the mailed link, and the other browser is signed out", async ({
  page,
  browser,
}) => {
  const email = "amara.okafor@acme.example";
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);

  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Forgot password?" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);

  const mail = await openLatestMail(page, email);
  await mail.getByRole("link", { name: /reset-password/ }).click();
  await page.getByLabel("New password").fill("my new garden of long words");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Sign in with the new one.");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("my new garden of long words");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/teams\/.*\/home$/);

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("a refused sign-in says why and gives the request id to quote", async ({ page }) => {
  const email = "nobody@northwind.example";
  await passwordStep(page, email, "not the password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect(page.getByText(/^Request id [0-9a-f-]{36}$/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("twenty wrong passwords lock the account with a message that says when to retry", async ({ page }) => {
  // Twenty-one sign-ins, each a page load and a deliberately slow argon2 check.
  test.setTimeout(180_000);
  const email = "priya.nair@acme.example";
  for (let i = 1; i <= 20; i++) {
    await passwordStep(page, email, `wrong password ${i}`);
    const alert = page.locator("form").getByRole("alert");
    if (i < 20) await expect(alert).toHaveText("The email or password is incorrect.");
    else
      await expect(alert).toHaveText(
        /^Too many failed sign-ins\. Try again after \d\d:\d\d UTC \(in 15 minutes\), or reset your password\.$/,
      );
  }
  await passwordStep(page, email, DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-ins");
});

test("sessions are listed on the Security page and can be ended everywhere else", async ({ page, browser }) => {
  const email = "mateo.garcia@acme.example";
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await signIn(page, email);
  await page.goto("/profile/security");
  const sessions = page.getByRole("table", { name: "Sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByText("This session")).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});
