import { expect, test } from "@playwright/test";
import { signIn, teamNavigation } from "./support";

// Vandelay Industries and Kramerica are this journey's own demo teams: no other journey reads them.
test("a member moves from Vandelay Industries to Kramerica once a Kramerica manager allows it", async ({ browser }) => {
  const manager = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();

  // A Kramerica manager requires approval for people moving in, then reads the Team ID to give out.
  await signIn(manager, "manager@kramerica.example");
  await teamNavigation(manager).getByRole("link", { name: "Settings", exact: true }).click();
  const approvals = manager.getByRole("checkbox", { name: "Require approval for transfers in", exact: true });
  await expect(approvals).not.toBeChecked();
  await approvals.check();
  await expect(
    manager.getByRole("checkbox", { name: "Require approval for transfers out", exact: true }),
  ).not.toBeChecked();
  await manager.getByRole("button", { name: "Save transfer approvals" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Transfer approvals saved." })).toBeVisible();
  await teamNavigation(manager).getByRole("link", { name: "Subscription", exact: true }).click();
  await expect(manager.getByRole("button", { name: "Copy Team ID" })).toBeVisible();
  const kramericaId = (await manager.getByRole("main").locator("code").first().textContent())!.trim();
  expect(kramericaId).toMatch(/^[0-9a-f-]{36}$/);

  // The member sends the request from their Profile.
  await signIn(member, "george.costanza@vandelay.example");
  await member.goto("/profile");
  const transfer = member.getByRole("form", { name: "Transfer to another team" });
  await transfer.getByLabel("Team ID").fill("not-a-team-id");
  await transfer.getByRole("button", { name: "Send request" }).click();
  await expect(transfer.getByRole("alert")).toContainText("This is not a Team ID.");
  await transfer.getByLabel("Team ID").fill(kramericaId);
  await transfer.getByRole("button", { name: "Send request" }).click();
  await expect(member.getByRole("status").filter({ hasText: "Your request was sent." })).toBeVisible();
  const latest = member.getByRole("region", { name: "Your latest request" });
  await expect(latest).toContainText("You asked to move from Vandelay Industries to Kramerica");
  await expect(latest).toContainText("Waiting for a manager of Kramerica to answer.");
  await expect(latest.getByRole("button", { name: "Cancel request" })).toBeVisible();

  // The manager finds the request from the Users page and allows it.
  await teamNavigation(manager).getByRole("link", { name: "Users", exact: true }).click();
  await manager.getByRole("link", { name: "Transfer requests (1)" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Transfer requests" })).toBeVisible();
  const request = manager.getByRole("row").filter({ hasText: "george.costanza@vandelay.example" });
  await expect(request).toContainText("Into this team from Vandelay Industries");
  await request.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(request.getByRole("status")).toHaveText("Allowed. The person moved.");

  // The member is now in Kramerica, with the licence they held.
  await member.reload();
  await expect(latest).toContainText("You moved from Vandelay Industries to Kramerica");
  await expect(latest).toContainText("You have a licence there.");
  await member.getByRole("link", { name: "Back to Kramerica" }).click();
  await member.getByRole("button", { name: /Switch team/ }).click();
  await expect(member.getByRole("menuitem")).toHaveText([/^Kramerica/, "Create team"]);
});
