import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

test("pages carry a nonce-based content security policy and refuse framing", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  for (const [email, password] of [
    ["manager@acme.example", "not-the-password"],
    ["nobody@acme.example", DEMO_PASSWORD],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is incorrect.");
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "manager@acme.example");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("a request from another site cannot call the API", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  const response = await page.request.post("/api/trpc/teams.mine", {
    headers: { Origin: "https://attacker.example", "Content-Type": "application/json" },
    data: {},
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toContain("Cross-origin requests");
});

test("unknown pages and unknown teams answer 404 without revealing anything", async ({ page }) => {
  await signIn(page, "member@acme.example");
  for (const path of ["/no-such-page", "/teams/00000000-0000-4000-8000-000000000000/home", "/teams/not-a-uuid/home"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await page.content()).not.toMatch(/at .*\.(js|ts):\d+/);
  }
});
