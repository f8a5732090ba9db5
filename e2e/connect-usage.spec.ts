import { expect, test } from "@playwright/test";
import { signIn, switchTeam } from "./support";

test("the owner sees the Claris Connect team's usage against its plan, this month and over the last year", async ({
  page,
}) => {
  await signIn(page, "owner@acme.example");
  await switchTeam(page, "Acme Connect");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Connect" })).toBeVisible();

  await expect(page.getByRole("meter", { name: "Flows switched on" })).toHaveAttribute("aria-valuetext", "7 of 10");
  await expect(page.getByRole("meter", { name: "API requests this month" })).toHaveAttribute(
    "aria-valuetext",
    "18,450 of 50,000",
  );
  const chart = page.getByRole("table", { name: "API requests, last 12 months" });
  await expect(chart.getByRole("row")).toHaveCount(13);
  await expect(chart.getByRole("row").last()).toContainText("18,450");
  await expect(page.getByText("Flows suspended.")).toHaveCount(0);
});
