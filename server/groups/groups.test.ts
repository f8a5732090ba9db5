import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";

const database = setUpTestDatabase();
let teamId: string;
let connectId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  connectId = await demoTeamId(database.handle.db, "Acme Connect");
  api = await callerForEmail(database.handle.db, "manager@acme.example");
});

const groupNamed = async (name: string) => (await api.groups.list({ teamId })).find((g) => g.name === name)!;

describe("groups", () => {
  it("are created and renamed with names unique per team whatever their case", async () => {
    const { id } = await api.groups.create({ teamId, name: "Support" });
    await expect(api.groups.create({ teamId, name: "sALES" })).rejects.toThrow(
      'A group named "sALES" already exists in this team. Choose another name.',
    );
    await expect(api.groups.rename({ teamId, groupId: id, name: "finance" })).rejects.toThrow(/already exists/);
    await api.groups.rename({ teamId, groupId: id, name: "Helpdesk" });
    expect(await api.groups.get({ teamId, groupId: id })).toEqual({
      id,
      name: "Helpdesk",
      identityProviderGroup: null,
      customApps: 0,
    });
    await api.groups.setIdentityProviderGroup({ teamId, groupId: id, identityProviderGroup: " okta-helpdesk " });
    expect(await api.groups.get({ teamId, groupId: id })).toMatchObject({ identityProviderGroup: "okta-helpdesk" });
  });

  it("take members in bulk and give them back, with the same paged list as the Users table", async () => {
    const { id } = await api.groups.create({ teamId, name: "Bulk" });
    const emails = ["chloe.martin@acme.example", "david.cohen@acme.example", "tom.becker@partner.example"];
    const ids = await Promise.all(emails.map(async (e) => (await membershipOf(database.handle.db, teamId, e))!.id));
    expect(await api.groups.addMembers({ teamId, groupId: id, membershipIds: ids })).toEqual({ added: 3 });
    expect(await api.groups.addMembers({ teamId, groupId: id, membershipIds: ids })).toEqual({ added: 0 });
    const page = await api.members.list({ teamId, groupId: id, search: "acme" });
    expect(page.members.map((m) => m.email)).toEqual(["chloe.martin@acme.example", "david.cohen@acme.example"]);
    expect(await api.groups.removeMembers({ teamId, groupId: id, membershipIds: [ids[0]!] })).toEqual({ removed: 1 });
    expect((await api.members.list({ teamId, groupId: id })).members).toHaveLength(2);
  });

  it("that open custom apps are deleted only when that is confirmed", async () => {
    const sales = await groupNamed("Sales");
    expect(sales.customApps).toBe(3);
    await expect(api.groups.delete({ teamId, groupId: sales.id, confirmCustomApps: false })).rejects.toThrow(
      '"Sales" opens 3 custom apps; its members lose that access. Confirm to delete it.',
    );
    await api.groups.delete({ teamId, groupId: sales.id, confirmCustomApps: true });
    expect(await groupNamed("Sales")).toBeUndefined();
  });

  it("do not exist in Claris Connect teams, and the API says so", async () => {
    const owner = await callerForEmail(database.handle.db, "owner@acme.example");
    await expect(owner.groups.list({ teamId: connectId })).rejects.toThrow("Claris Connect teams have no groups.");
    await expect(owner.groups.create({ teamId: connectId, name: "Flows" })).rejects.toThrow(
      "Claris Connect teams have no groups.",
    );
  });

  it("are managed by managers only", async () => {
    const member = await callerForEmail(database.handle.db, "member@acme.example");
    await expect(member.groups.create({ teamId, name: "Mine" })).rejects.toThrow(/does not allow you to manage groups/);
  });
});
