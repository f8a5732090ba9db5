import { beforeAll, describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { anonymousActor } from "../actor";
import { callerForEmail, contextFor } from "../testing/callers";
import { refusal } from "../testing/refusal";
import { createCaller } from "./root";

const database = setUpTestDatabase();

let acmeCorp: string;
let acmeConnect: string;

beforeAll(async () => {
  const rows = await database.handle.db.select({ id: teams.id, name: teams.name }).from(teams);
  acmeCorp = rows.find((t) => t.name === "Acme Corp")!.id;
  acmeConnect = rows.find((t) => t.name === "Acme Connect")!.id;
});

const as = (email: string) => callerForEmail(database.handle.db, email);

describe("team managers", () => {
  it.each(["owner@acme.example", "manager@acme.example"])("%s sees every area of Acme Corp", async (email) => {
    const api = await as(email);
    const teamId = acmeCorp;

    const members = await api.members.list({ teamId });
    expect(members.members.map((m) => m.email)).toContain("member@acme.example");

    const groups = await api.groups.list({ teamId });
    expect(groups.map((g) => g.name)).toEqual(["Finance", "Operations", "Sales"]);

    const hosts = await api.hosts.list({ teamId });
    expect(hosts.map((h) => h.name)).toEqual(["Acme Production", "Acme Staging"]);

    const settings = await api.settings.get({ teamId });
    expect(settings.teamId).toBe(teamId);

    const subscription = await api.subscription.summary({ teamId });
    expect(subscription).toMatchObject({ planName: "Standard", seats: { total: 30 } });

    const audit = await api.audit.list({ teamId });
    // Newest first: the demo's last Acme Corp change is its last custom app.
    expect(audit.events[0]).toMatchObject({ action: "custom_app.created" });
  });
});

describe("a licensed member", () => {
  it("is told which role can see the team's users", async () => {
    const api = await as("member@acme.example");
    const error = await refusal(api.members.list({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      "Your role in Acme Corp does not allow you to see the team's users. Ask the team's owner or a team manager.",
    );
  });

  it("cannot read the audit log", async () => {
    const api = await as("member@acme.example");
    const error = await refusal(api.audit.list({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("does not allow you to see the team's audit log");
  });

  it("sees Home with only the custom apps of their groups and the hosts that run them", async () => {
    const api = await as("member@acme.example");
    const home = await api.teams.home({ teamId: acmeCorp });
    expect(home.team.name).toBe("Acme Corp");
    // Mina Patel is in Sales: Invoices, Customer CRM and Timesheets, all on Acme Production.
    expect(home.customApps.map((a) => a.name)).toEqual(["Customer CRM", "Invoices", "Timesheets"]);
    expect(home.hosts.map((h) => h.name)).toEqual(["Acme Production"]);
    expect(home.seats).toEqual({ used: expect.any(Number), total: 30 });
  });

  it("can see the subscription", async () => {
    const api = await as("member@acme.example");
    const summary = await api.subscription.summary({ teamId: acmeCorp });
    expect(summary?.planName).toBe("Standard");
  });
});

describe("an unlicensed member", () => {
  it("cannot see the subscription", async () => {
    const api = await as("chloe.martin@acme.example");
    const error = await refusal(api.subscription.summary({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("does not allow you to see the subscription");
    expect(error.message).toContain("Ask the team's owner or a team manager");
  });

  it("still sees the team's Home", async () => {
    const api = await as("chloe.martin@acme.example");
    const home = await api.teams.home({ teamId: acmeCorp });
    expect(home.team.name).toBe("Acme Corp");
    expect(home.customApps).toEqual([]);
  });
});

describe("people outside the team", () => {
  const teamMissing = "This team does not exist or you are not a member of it.";

  it("a deactivated member is told the team does not exist", async () => {
    const api = await as("yuki.tanaka@acme.example");
    for (const call of [api.teams.home({ teamId: acmeCorp }), api.subscription.summary({ teamId: acmeCorp })]) {
      const error = await refusal(call);
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe(teamMissing);
    }
  });

  it("a member of another team only is told the team does not exist", async () => {
    const api = await as("integrations@partner.example");
    const error = await refusal(api.teams.home({ teamId: acmeCorp }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(teamMissing);
  });

  it("an unknown team id gets the same answer as a team one is not in", async () => {
    const api = await as("owner@acme.example");
    const error = await refusal(api.teams.home({ teamId: "00000000-0000-4000-8000-000000000000" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(teamMissing);
  });

  it("anonymous visitors are asked to sign in", async () => {
    const api = createCaller(contextFor(database.handle.db, anonymousActor));
    for (const call of [
      api.teams.home({ teamId: acmeCorp }),
      api.members.list({ teamId: acmeCorp }),
      api.teams.mine(),
    ]) {
      const error = await refusal(call);
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Sign in to continue.");
    }
  });
});

describe("areas that belong to FileMaker Cloud", () => {
  it.each([
    ["groups", (api: Awaited<ReturnType<typeof as>>) => api.groups.list({ teamId: acmeConnect })],
    ["hosts", (api: Awaited<ReturnType<typeof as>>) => api.hosts.list({ teamId: acmeConnect })],
  ] as const)("%s are refused on a Claris Connect team with a message that names the product", async (area, call) => {
    const api = await as("owner@acme.example");
    const error = await refusal(call(api));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe(`Claris Connect teams have no ${area}.`);
  });

  it("the Claris Connect Home has no seats, hosts or custom apps", async () => {
    const api = await as("owner@acme.example");
    const home = await api.teams.home({ teamId: acmeConnect });
    expect(home).toMatchObject({ seats: null, hosts: [], customApps: [] });
  });
});

describe("the team switcher", () => {
  it("lists both of the owner's teams with their products", async () => {
    const api = await as("owner@acme.example");
    const mine = await api.teams.mine();
    expect(mine).toEqual([
      { id: acmeConnect, name: "Acme Connect", product: "claris_connect", status: "active", role: "owner" },
      { id: acmeCorp, name: "Acme Corp", product: "filemaker_cloud", status: "active", role: "owner" },
    ]);
  });

  it("leaves out a team where the membership is deactivated", async () => {
    const api = await as("yuki.tanaka@acme.example");
    expect(await api.teams.mine()).toEqual([]);
  });

  it("lists a team for a member with their own role", async () => {
    const api = await as("it@acme.example");
    const mine = await api.teams.mine();
    expect(mine.map((t) => [t.name, t.role])).toEqual([
      ["Acme Connect", "manager"],
      ["Acme Corp", "manager"],
    ]);
  });
});

describe("the access a page is shaped by", () => {
  it("lists the permissions a licensed member holds, and none of the managers'", async () => {
    const api = await as("member@acme.example");
    const access = await api.teams.access({ teamId: acmeCorp });
    expect(access.membership).toMatchObject({ role: "member", licensed: true });
    expect(access.permissions).toEqual(["team.read", "subscription.read"]);
  });

  it("drops the FileMaker-only permissions on a Claris Connect team", async () => {
    const api = await as("owner@acme.example");
    const access = await api.teams.access({ teamId: acmeConnect });
    expect(access.permissions).not.toContain("groups.read");
    expect(access.permissions).not.toContain("hosts.read");
    expect(access.permissions).toContain("subscription.change");
    expect(access.team.product).toBe("claris_connect");
  });
});
