import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const CSV = "email,name,role,licensed,groups\nforeign.one@northwind.example,One,member,no,\n";
const REFUSAL = "Cross-origin requests cannot change anything here. Use the console itself.";

test("the CSV import refuses a request another site makes with the manager's cookies", async ({ page }) => {
  await signIn(page, "manager@northwind.example");
  const teamId = page.url().split("/").at(-2)!;
  const importUrl = (step: "check" | "import") => `/teams/${teamId}/users/import?step=${step}`;
  const invitations = async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { teamId } }));
    const response = await page.request.get(`/api/trpc/invitations.list?input=${input}`);
    expect(response.status()).toBe(200);
    return JSON.stringify((await response.json()).result.data.json);
  };
  const before = await invitations();

  // page.request carries the signed-in browser's cookies, as a forged cross-site request would.
  const foreign: Array<Record<string, string>> = [
    { origin: "https://evil.example" },
    { "sec-fetch-site": "cross-site" },
    { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  ];
  for (const headers of foreign) {
    for (const step of ["check", "import"] as const) {
      const response = await page.request.post(importUrl(step), {
        headers: { "content-type": "text/csv", ...headers },
        data: CSV,
      });
      expect(response.status(), `${step} with ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toEqual({
        status: "refused",
        message: REFUSAL,
        requestId: expect.any(String),
        fieldErrors: {},
      });
    }
  }
  expect(await invitations()).toBe(before);
  expect(before).not.toContain("foreign.one@northwind.example");

  // The same request from the console's own pages is answered (the check step writes nothing).
  const origin = new URL(page.url()).origin;
  const own = await page.request.post(importUrl("check"), {
    headers: { "content-type": "text/csv", origin, "sec-fetch-site": "same-origin" },
    data: CSV,
  });
  expect(own.status()).toBe(200);
  expect(await own.json()).toEqual({
    status: "done",
    notice: null,
    value: { rows: 1, toImport: 1, skipped: 0, errors: 0, problems: [] },
  });
});
