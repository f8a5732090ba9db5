import { describe, expect, it } from "vitest";
import { normalisePath, trpcProcedures } from "./route-label";

const TEAM = "0b6f7c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d";
const TOKEN = "q3VfZ1x8r0dN4k2pW7sTbYc9mJhLaEoUiGnXvBzQ-_4";

describe("the route a request is logged and measured under", () => {
  it("replaces uuids with :id and drops the query string", () => {
    expect(normalisePath(`/teams/${TEAM}/users?search=ann@acme.example&page=2`)).toBe("/teams/:id/users");
    expect(normalisePath(`/teams/${TEAM.toUpperCase()}/hosts/${TEAM}/metrics#top`)).toBe(
      "/teams/:id/hosts/:id/metrics",
    );
    expect(normalisePath(`/scim/v2/Users/${TEAM}`)).toBe("/scim/v2/Users/:id");
  });

  it("hides the token of invitation, reset and confirmation links, whatever its shape", () => {
    expect(normalisePath(`/invitations/${TOKEN}`)).toBe("/invitations/:token");
    expect(normalisePath(`/reset-password/${TOKEN}?next=/teams`)).toBe("/reset-password/:token");
    expect(normalisePath("/confirm-email/short")).toBe("/confirm-email/:token");
    expect(normalisePath("/invitations/abc%2Fdef")).toBe("/invitations/:token");
  });

  it("hides other opaque tokens, long segments and numbers", () => {
    expect(normalisePath(`/api/sso/${TOKEN}/callback`)).toBe("/api/sso/:token/callback");
    expect(normalisePath(`/api/v1/hosts/12345/databases/${"a".repeat(40)}`)).toBe("/api/v1/hosts/:n/databases/:token");
    expect(normalisePath("/x/%E0%A4%A")).toBe("/x/:token");
  });

  it("hides emails, written plainly or percent-encoded", () => {
    expect(normalisePath("/api/v1/members/ann.lee@acme.example")).toBe("/api/v1/members/:email");
    expect(normalisePath("/api/v1/members/ann.lee%40acme.example/role")).toBe("/api/v1/members/:email/role");
  });

  it("keeps the words of the route itself, and stays short for a long path", () => {
    expect(normalisePath("/")).toBe("/");
    expect(normalisePath("/sign-in")).toBe("/sign-in");
    expect(normalisePath("/teams/new")).toBe("/teams/new");
    expect(normalisePath("/settings/identity-providers/new")).toBe("/settings/identity-providers/new");
    expect(normalisePath("/a/b/c/d/e/f/g/h/i/j/k")).toBe("/a/b/c/d/e/f/g/h/…");
    expect(normalisePath("/_next/static/chunks/app/page-4f2a9c.js")).toBe("/_next/static/*");
  });
});

describe("the procedures of a tRPC request", () => {
  it("are the names of the batch, with anything else shown as :unknown", () => {
    expect(trpcProcedures("/api/trpc/auth.session,teams.list?batch=1&input={}")).toEqual([
      "auth.session",
      "teams.list",
    ]);
    expect(trpcProcedures("/api/trpc/members.invite%2Cteams.list")).toEqual(["members.invite", "teams.list"]);
    expect(trpcProcedures("/api/trpc/ann@acme.example,a b")).toEqual([":unknown", ":unknown"]);
    expect(trpcProcedures(`/api/trpc/${Array(25).fill("teams.list").join(",")}`)).toHaveLength(21);
  });

  it("are none for other paths", () => {
    expect(trpcProcedures("/teams")).toBeNull();
  });
});
