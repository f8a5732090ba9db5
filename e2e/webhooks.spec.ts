import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn, teamNavigation } from "./support";

/** What the journey's receiver got: each request's headers and exact body. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback, which a demo console may send to. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { received, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Standard Webhooks verification, from the spec: v1,base64(HMAC-SHA256(secret bytes, "id.timestamp.body")). */
function signedWith(secret: string, request: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const content = `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`;
  const expected = `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
  return String(request.headers["webhook-signature"]).split(" ").includes(expected);
}

test("a manager adds a webhook, copies its secret once, sends a test event and sees it delivered, signed", async ({
  page,
  context,
}) => {
  const receiver = await startReceiver();
  // Acme Corp: this journey adds its own endpoint, named uniquely, and asserts on nothing else.
  const description = `Journey receiver ${randomBytes(3).toString("hex")}`;
  const url = `http://127.0.0.1:${receiver.port}/journey-hooks`;
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, "manager@acme.example");
    await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await page.getByRole("main").getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add endpoint" });
    await dialog.getByRole("textbox", { name: "URL" }).fill(url);
    await dialog.getByRole("textbox", { name: "Description (optional)" }).fill(description);
    const events = dialog.getByRole("group", { name: "Events" });
    await events.getByRole("checkbox", { name: "A group was created (group.created)" }).check();
    await events.getByRole("checkbox", { name: "A user was invited (member.invited)" }).check();
    await expectAccessible(page, "add webhook endpoint dialog");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    await expect(dialog.getByRole("status").first()).toContainText("it will not be shown again");
    const secretField = dialog.getByRole("textbox", { name: "Signing secret" });
    await expect(secretField).toHaveAttribute("readonly", "");
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await dialog.getByRole("button", { name: "Copy" }).click();
    await expect(dialog.getByText("Copied", { exact: true })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(secret);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    expect(await page.content(), "the secret is gone once its dialog is closed").not.toContain(secret);

    const row = page
      .getByRole("table", { name: "Webhook endpoints" })
      .getByRole("row")
      .filter({ hasText: description });
    await expect(row).toContainText("2 event types");
    await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
    await row.getByRole("link", { name: url }).click();
    await expect(page.getByRole("heading", { level: 1, name: description })).toBeVisible();
    await expect(page.getByText("No deliveries yet")).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event queued")).toBeVisible();
    const delivery = page
      .getByRole("table", { name: "Deliveries" })
      .getByRole("row")
      .filter({ hasText: "webhook.test" });
    // The server's sender runs every 5 seconds; the log reloads by itself meanwhile.
    await expect(delivery.getByText("Delivered", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(delivery).toContainText("200");
    await expectAccessible(page, "webhook endpoint with a delivered test event");

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(signedWith(copied, request!)).toBe(true);
    expect(Number(request!.headers["webhook-timestamp"])).toBeGreaterThan(Date.now() / 1000 - 120);
    expect(JSON.parse(request!.body)).toMatchObject({ type: "webhook.test", data: { action: "webhook.test_sent" } });

    await page.getByRole("button", { name: "Delete endpoint" }).click();
    const confirm = page.getByRole("dialog", { name: `Delete the endpoint ${url}?` });
    await confirm.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByRole("main").getByText(description)).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
