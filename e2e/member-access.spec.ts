import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

test("a licensed member sees only Home and Subscription, and the server refuses the rest", async ({ page }) => {
  await signIn(page, "member@acme.example");
  const teamUrl = page.url().replace(/\/home$/, "");
  const teamId = teamUrl.split("/").at(-1)!;

  const nav = teamNavigation(page);
  await expect(nav.getByRole("link")).toHaveText(["Home", "Subscription"]);
  await expect(page.getByRole("list", { name: "Custom apps" }).getByText("Customer CRM")).toBeVisible();

  for (const section of ["users", "audit"]) {
    const response = await page.goto(`${teamUrl}/${section}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }

  for (const procedure of ["members.list", "audit.list"]) {
    const input = encodeURIComponent(JSON.stringify({ json: { teamId } }));
    const response = await page.request.get(`/api/trpc/${procedure}?input=${input}`);
    expect(response.status()).toBe(403);
    const body = await response.json();
    expect(body.error.json.message).toContain("Your role in Acme Corp does not allow you");
    expect(JSON.stringify(body)).not.toContain("stack");
  }
});
