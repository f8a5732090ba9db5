import { expect, type Page, test } from "@playwright/test";
import { signIn, switchTeam, teamNavigation } from "./support";

async function openSubscription(page: Page, team?: string) {
  if (team) await switchTeam(page, team);
  await teamNavigation(page).getByRole("link", { name: "Subscription", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Subscription" })).toBeVisible();
}

const CHANGE_BUTTONS = [
  "Change seats",
  "Change plan",
  "Preview",
  "Confirm change",
  "Cancel subscription",
  "Reactivate subscription",
  "Renew subscription",
];

test.describe.configure({ mode: "serial" });

test("the owner raises Acme Corp from 30 to 35 seats, sees the preview and then the invoice", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await openSubscription(page, "Acme Corp");
  await expect(page.getByRole("meter", { name: "Licences" })).toHaveAttribute("aria-valuemax", "30");
  const invoices = page.getByRole("table", { name: "Invoices" });
  await expect(invoices.getByRole("row")).toHaveCount(2); // the header and the opening invoice

  await page.getByRole("button", { name: "Change seats" }).click();
  await page.getByLabel("Seats", { exact: true }).fill("35");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Price preview" });
  await expect(preview.getByText(/^Unused Standard seats \(annual\), \d+ of 36[56] days$/)).toBeVisible();
  await expect(preview.getByText(/^Standard seats \(annual\), \d+ of 36[56] days$/)).toBeVisible();
  await expect(preview.getByText(/^35 × \$/)).toBeVisible();
  const total = (await preview.getByTestId("preview-total").textContent())!;
  expect(total).toMatch(/^\$[\d,]+\.\d\d$/);
  // Nothing is applied by a preview.
  await expect(page.getByRole("meter", { name: "Licences" })).toHaveAttribute("aria-valuemax", "30");

  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page.getByText(/^Change applied\. Invoice INV-\d+: \$[\d,]+\.\d\d\.$/)).toBeVisible();
  await expect(page.getByRole("meter", { name: "Licences" })).toHaveAttribute("aria-valuemax", "35");
  await expect(invoices.getByRole("row")).toHaveCount(3);
  const newest = invoices.getByRole("row").nth(1);
  await expect(newest).toContainText(total);
  await expect(newest).toContainText("Unused Standard seats (annual)");
  await expect(newest).toContainText("Open");
});

test("fewer seats than licensed members is refused, with the request id to quote, and nothing changes", async ({
  page,
}) => {
  await signIn(page, "owner@acme.example");
  await openSubscription(page, "Acme Corp");
  const seats = await page.getByRole("meter", { name: "Licences" }).getAttribute("aria-valuemax");

  await page.getByRole("button", { name: "Change seats" }).click();
  await page.getByLabel("Seats", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Preview" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: /members are licensed/ });
  await expect(refusal).toHaveText(/^\d+ members are licensed; remove \d+ licences? or keep \d+ seats\.$/);
  await expect(page.getByText(/^Request id \S+$/)).toBeVisible();
  // What was typed stays, and nothing was priced or applied.
  await expect(page.getByLabel("Seats", { exact: true })).toHaveValue("6");
  await expect(page.getByRole("region", { name: "Price preview" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirm change" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("meter", { name: "Licences" })).toHaveAttribute("aria-valuemax", seats!);
});

test("the demo manager sees the subscription but no change buttons, and the server refuses the change", async ({
  page,
}) => {
  await signIn(page, "manager@acme.example");
  await openSubscription(page);
  const teamId = page.url().split("/").at(-2)!;
  await expect(page.getByText("Contract number")).toBeVisible();
  await expect(page.getByRole("table", { name: "Invoices" })).toBeVisible();
  for (const name of CHANGE_BUTTONS) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByLabel("Seats", { exact: true })).toHaveCount(0);

  const summary = await page.request.get(
    `/api/trpc/subscription.summary?input=${encodeURIComponent(JSON.stringify({ json: { teamId } }))}`,
  );
  const version = (await summary.json()).result.data.json.version as number;
  const attempts = [
    [
      "subscription.confirmChange",
      {
        teamId,
        change: { seats: 40 },
        idempotencyKey: "manager-attempt-000001",
        expectedVersion: version,
        expectedTotalCents: 0,
      },
    ],
    ["subscription.cancel", { teamId, expectedVersion: version }],
  ] as const;
  for (const [procedure, input] of attempts) {
    const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.json.message).toBe(
      "Your role in Acme Corp does not allow you to change the subscription. Ask the team's owner or a team manager.",
    );
  }
  const preview = await page.request.get(
    `/api/trpc/subscription.previewChange?input=${encodeURIComponent(JSON.stringify({ json: { teamId, change: { seats: 40 } } }))}`,
  );
  expect(preview.status()).toBe(403);
});

test("a licensed member sees the summary only", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await openSubscription(page);
  await expect(page.getByText("Contract number")).toBeVisible();
  await expect(page.getByRole("meter", { name: "Licences" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Invoices" })).toHaveCount(0);
  for (const name of CHANGE_BUTTONS) await expect(page.getByRole("button", { name })).toHaveCount(0);
});

test("the owner cancels and reactivates", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await openSubscription(page, "Acme Corp");
  await expect(page.getByText("Renews", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByLabel("Reason (optional)").fill("Trying the cancellation");
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(
    page.getByText(/^The subscription is cancelled\. It stays active until .+ and is not renewed\.$/),
  ).toBeVisible();
  await expect(page.getByText("Ends", { exact: true })).toBeVisible();
  await expect(page.getByText("Trying the cancellation")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel subscription" })).toHaveCount(0);

  await page.getByRole("button", { name: "Reactivate subscription" }).click();
  await expect(page.getByText(/^The subscription is active again and renews on .+\.$/)).toBeVisible();
  await expect(page.getByText("Renews", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel subscription" })).toBeVisible();

  // The owner was mailed about both.
  await page.goto(`/dev/mailbox?to=${encodeURIComponent("owner@acme.example")}`);
  await expect(page.getByText(/Acme Corp: your subscription ends on/).first()).toBeVisible();
  await expect(page.getByText(/Acme Corp: your subscription is active again/).first()).toBeVisible();
});

test("a second tab changing the same subscription gets a clear conflict and nothing is lost", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "owner@acme.example");
  await openSubscription(first, "Acme Connect");
  const second = await context.newPage();
  await second.goto(first.url());

  await first.getByRole("button", { name: "Change plan" }).click();
  await first.getByRole("radio", { name: /Advanced/ }).check();
  await first.getByRole("button", { name: "Preview" }).click();
  await expect(first.getByRole("region", { name: "Price preview" })).toBeVisible();

  await second.getByRole("button", { name: "Change plan" }).click();
  await second.getByLabel("Extra API requests (a month)").fill("10000");
  await second.getByRole("button", { name: "Preview" }).click();
  await expect(second.getByRole("region", { name: "Price preview" })).toBeVisible();

  await first.getByRole("button", { name: "Confirm change" }).click();
  await expect(first.getByText(/^Change applied\./)).toBeVisible();
  await second.getByRole("button", { name: "Confirm change" }).click();
  await expect(second.getByText(/^The subscription was changed in another tab or by someone else/)).toBeVisible();

  await second.reload();
  await expect(second.getByText("Advanced", { exact: true })).toBeVisible();
  await expect(second.getByText(/extra API requests a month/)).toHaveCount(0); // the second change was not applied
  await context.close();
});
