import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("exports of the users and the audit log refuse a request another site starts; a refused users export is not recorded", async ({
  page,
}) => {
  await signIn(page, "manager@acme.example");
  const teamId = page.url().split("/").at(-2)!;
  const exportEvents = async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { teamId } }));
    const response = await page.request.get(`/api/trpc/audit.list?input=${input}`);
    expect(response.status()).toBe(200);
    const { events } = (await response.json()).result.data.json as { events: Array<{ action: string }> };
    // Only users exports: no other journey makes one in Acme Corp, so the count is exact.
    return events.filter((e) => e.action === "members.exported").length;
  };
  const before = await exportEvents();

  // page.request carries the signed-in browser's cookies, as a link followed from another site would.
  for (const url of [`/teams/${teamId}/users/export`, `/teams/${teamId}/audit/export?format=jsonl`]) {
    const response = await page.request.get(url, { headers: { "sec-fetch-site": "cross-site" } });
    expect(response.status(), url).toBe(403);
    expect(await response.json()).toEqual({ error: "Export from the console's own page." });
  }
  expect(await exportEvents()).toBe(before);

  const own = await page.request.get(`/teams/${teamId}/users/export`, { headers: { "sec-fetch-site": "same-origin" } });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("manager@acme.example");
  expect(await exportEvents()).toBe(before + 1);
});
