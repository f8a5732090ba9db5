import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/** A browser that claims, on every request, to be someone else and to choose the request id. */
test.use({
  extraHTTPHeaders: {
    "x-forwarded-for": "203.0.113.9",
    "x-real-ip": "203.0.113.10",
    "x-request-id": "chosen-by-the-browser",
  },
});

test("a client's own X-Forwarded-For and X-Request-Id change nothing without a trusted proxy", async ({ page }) => {
  const response = await page.request.get("/sign-in");
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  await signIn(page, "grace.lee@acme.example");
  await page.goto("/profile/security");
  const current = page.getByRole("table", { name: "Sessions" }).getByRole("row").filter({ hasText: "This session" });
  await expect(current.getByRole("cell").nth(1)).toHaveText(/^(127\.0\.0\.1|::1)$/);
  await expect(page.getByRole("table", { name: "Sessions" })).not.toContainText("203.0.113");
});
