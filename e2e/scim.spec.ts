import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn, teamNavigation } from "./support";

const NEWCOMER = "scim.journey@okta-directory.example";

test("a manager generates a SCIM token, and the identity provider's request with it puts a new user on the Users page", async ({
  page,
}) => {
  // Acme Corp, whose seat count no journey asserts: the newcomer's invitation takes one of its free seats.
  await signIn(page, "manager@acme.example");
  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "SCIM provisioning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SCIM provisioning" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "SCIM base URL" })).toHaveValue(/\/scim\/v2$/);

  await page.getByRole("button", { name: "Generate SCIM token" }).click();
  const field = page.getByRole("textbox", { name: "SCIM token" });
  await expect(field).toHaveValue(/^ccscim_/);
  await expect(page.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  await expectAccessible(page, "SCIM provisioning with a new token shown once");
  const token = await field.inputValue();
  await expect(page.getByText("Not used yet")).toBeVisible();

  const created = await page.request.post("/scim/v2/Users", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: NEWCOMER,
      name: { givenName: "Journey", familyName: "Newcomer" },
      emails: [{ primary: true, value: NEWCOMER, type: "work" }],
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toBe("application/scim+json");
  expect(created.headers()["x-request-id"]).toBeTruthy();
  expect(await created.json()).toMatchObject({ userName: NEWCOMER, active: true });

  const refused = await page.request.get("/scim/v2/Users", { headers: { authorization: "Bearer ccscim_wrong" } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    status: "401",
  });

  await teamNavigation(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByText(NEWCOMER)).toBeVisible();

  await teamNavigation(page).getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "SCIM provisioning" }).click();
  await expect(page.getByText("Not used yet")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke SCIM token" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke the SCIM token?" });
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("The team has no SCIM token yet.", { exact: false })).toBeVisible();
  const afterRevoke = await page.request.get("/scim/v2/Users", { headers: { authorization: `Bearer ${token}` } });
  expect(afterRevoke.status()).toBe(401);
});
