import { expect, test } from "@playwright/test";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

test("the API reference needs nothing from outside, has a heading per tag and an anchor per operation, and links its document", async ({
  page,
}) => {
  const outside: string[] = [];
  await page.route(
    (url) => (url.protocol === "http:" || url.protocol === "https:") && !LOCAL_HOSTS.includes(url.hostname),
    async (route) => {
      outside.push(route.request().url());
      await route.abort();
    },
  );
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Admin API reference" })).toBeVisible();

  const link = page.getByRole("link", { name: "Download the OpenAPI 3.1 document (JSON)" });
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toContain("application/json");
  const document = (await response.json()) as {
    openapi: string;
    tags: { name: string }[];
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  expect(document.openapi).toMatch(/^3\.1\./);

  for (const tag of document.tags) {
    await expect(page.getByRole("heading", { level: 2, name: tag.name, exact: true })).toBeVisible();
  }
  const operationIds = Object.values(document.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => (operation.operationId ? [operation.operationId] : [])),
  );
  for (const id of operationIds) {
    await expect(page.locator(`h3[id="${id}"]`)).toHaveCount(1);
  }

  const last = operationIds.at(-1)!;
  await page.goto(`/api/docs#${last}`);
  await expect(page.locator(`h3[id="${last}"]`)).toBeInViewport();
  await page.waitForLoadState("networkidle");
  expect(outside).toEqual([]);
});
