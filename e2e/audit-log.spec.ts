import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

test("a team manager verifies the audit log's integrity and exports the filtered log", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  await page.getByRole("button", { name: "Verify integrity" }).click();
  // Other journeys write to Acme Corp's log at the same time: an event may land between signing and checking.
  await expect(page.getByRole("status").filter({ hasText: "Intact up to event" })).toContainText(
    /Intact up to event \d+(, signed at|; event \d+ was signed at) .+ UTC\./,
  );

  await page.getByLabel("Action").selectOption("team.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row")).toHaveCount(2);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync((await csv.path())!, "utf8")
    .split("\r\n")
    .filter(Boolean);
  expect(lines[0]).toBe("seq,occurred_at,actor,actor_type,action,target_type,target_id,before,after,ip,request_id");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",team.created,");

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON Lines" }).click();
  const events = fs
    .readFileSync((await (await jsonDownload).path())!, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as { action: string });
  expect(events.map((e) => e.action)).toEqual(["team.created"]);

  // Each export is in the log itself, with the filter it used.
  await page.reload();
  await page.getByLabel("Action").selectOption("audit.exported");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table", { name: "Audit events" }).getByText(/format: jsonl/)).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Audit events" }).getByText(/format: csv/)).toHaveCount(1);
});
