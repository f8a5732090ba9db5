import fs from "node:fs";
import { expect, type Response, test } from "@playwright/test";
import { startMailCatcher } from "../../server/testing/mail-catcher";

/**
 * A newcomer's first visit to a production deployment, through the TLS proxy in front of two
 * consoles (started by deploy/ci/production-check.ts): sign up, confirm the address with the
 * code mailed over SMTP, sign in again and create a team. The proxy sends HSTS, hands the consoles its request
 * ids, spreads the requests over both and sends plain HTTP to HTTPS.
 */
const accessLog = process.env.PRODUCTION_ACCESS_LOG!;
const consoles = process.env.PRODUCTION_CONSOLES!.split(",");
const ONE_YEAR = 365 * 24 * 60 * 60;

let mail: Awaited<ReturnType<typeof startMailCatcher>>;

test.beforeAll(async () => {
  mail = await startMailCatcher(Number(process.env.PRODUCTION_MAIL_PORT));
});

test.afterAll(async () => {
  await mail?.close();
});

/** The six-digit code in the subject of the newest mail to `to`, once it has arrived. */
async function mailedCode(to: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      () => {
        const raw = mail.received.findLast((caught) => caught.to.includes(to))?.raw ?? "";
        code = /^Subject: Your verification code: (\d{6})\s*$/m.exec(raw)?.[1];
        return code;
      },
      { message: `a verification code mailed to ${to}` },
    )
    .toBeDefined();
  return code!;
}

async function expectHsts(response: Response | null) {
  const hsts = (await response?.headersArray())?.filter(
    (header) => header.name.toLowerCase() === "strict-transport-security",
  );
  expect(hsts, "one Strict-Transport-Security header").toHaveLength(1);
  const maxAge = Number(/max-age=(\d+)/.exec(hsts![0]!.value)?.[1]);
  expect(maxAge).toBeGreaterThanOrEqual(ONE_YEAR);
}

/** The access log's lines as [upstream, request id]. */
function proxiedRequests(): { upstream: string; requestId: string }[] {
  return fs
    .readFileSync(accessLog, "utf8")
    .split("\n")
    .flatMap((line) => {
      const match = / upstream=(\S+) .*request_id=(\S+)/.exec(line);
      return match ? [{ upstream: match[1]!, requestId: match[2]! }] : [];
    });
}

test("a newcomer signs up, confirms the address from the mail, signs in and creates a team, through the proxy", async ({
  page,
}) => {
  const email = `newcomer-${Date.now()}@example.com`;
  const password = "a long and unusual passphrase";

  const signInPage = await page.goto("/sign-in");
  await expectHsts(signInPage);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify\?/);

  await page.getByLabel("Verification code").fill(await mailedCode(email));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "You are not in any team yet" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText(`You are signed in as ${email}`)).toBeVisible();

  await page.getByRole("link", { name: "Create team" }).click();
  await page.getByLabel("Product").selectOption({ label: "Claris Connect" });
  await page.getByLabel("Team name").fill("Newcomer Flows");
  await page.getByRole("radio", { name: /^Pro\b/ }).check();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]+\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: "Newcomer Flows" })).toBeVisible();

  // The console kept the proxy's request id (it trusts the proxy), and both consoles served.
  const home = await page.reload();
  await expectHsts(home);
  const requestId = (await home!.allHeaders())["x-request-id"];
  const proxied = proxiedRequests();
  expect(proxied.map((request) => request.requestId)).toContain(requestId);
  const idle = consoles.filter((address) => !proxied.some((request) => request.upstream.startsWith(address)));
  expect(idle, "consoles that served no request").toEqual([]);
});

test("plain HTTP is sent to the HTTPS origin", async ({ request }) => {
  const response = await request.get(`http://localhost:${process.env.PRODUCTION_HTTP_PORT}/sign-in?next=%2Fprofile`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe(`${process.env.PRODUCTION_ORIGIN}/sign-in?next=%2Fprofile`);
});
