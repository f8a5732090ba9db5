import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a CSV import is refused to a signed-out caller, and a file over 5 MB with 413, before it is read", async ({
  page,
  request,
}) => {
  const anonymous = await request.post("/teams/00000000-0000-4000-8000-000000000000/users/import?step=check", {
    headers: { "content-type": "text/csv" },
    data: "email\nsomeone@example.com\n",
  });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ status: "refused", message: "Sign in to continue." });

  await signIn(page, "manager@acme.example");
  const teamId = /\/teams\/([0-9a-f-]+)\/home$/.exec(page.url())![1]!;
  const oversized = await page.request.post(`/teams/${teamId}/users/import?step=check`, {
    headers: { "content-type": "text/csv" },
    data: `email\n${"someone@example.com\n".repeat(300_000)}`,
  });
  expect(oversized.status()).toBe(413);
  expect(await oversized.json()).toMatchObject({
    status: "refused",
    message: "The file is larger than 5 MB; split it into smaller files.",
  });
});

test("the API refuses to batch sign-in calls", async ({ request }) => {
  const response = await request.post("/api/trpc/auth.beginSignIn,auth.beginSignIn?batch=1", {
    headers: { "content-type": "application/json" },
    data: {
      0: { json: { email: "manager@acme.example", password: "guess one" } },
      1: { json: { email: "manager@acme.example", password: "guess two" } },
    },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toBe(
    "Sign-in and account recovery calls cannot be batched; send each in a request of its own.",
  );
});
