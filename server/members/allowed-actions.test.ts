import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { grantedPermissions, type TeamProduct } from "../permissions";
import { callerForEmail } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { allowedMemberActions, type MemberCaller, type MemberTarget } from "./allowed-actions";

const fileMaker = "filemaker_cloud" as const;
const caller = (role: "owner" | "manager" | "member", product: TeamProduct = fileMaker): MemberCaller => ({
  membershipId: "me",
  role,
  permissions: grantedPermissions({ roles: [role] }, product),
  fileMaker: product === fileMaker,
});
const user = (change: Partial<MemberTarget> = {}): MemberTarget => ({
  id: "them",
  role: "member",
  licensed: false,
  status: "active",
  managed: true,
  ...change,
});

describe("the actions a row offers", () => {
  it("nothing on the owner's row but, for the owner, their own licence", () => {
    const owner = user({ id: "me", role: "owner", licensed: true });
    expect(allowedMemberActions(caller("owner"), owner)).toEqual(["removeLicence"]);
    expect(allowedMemberActions(caller("manager"), { ...owner, id: "them" })).toEqual([]);
    expect(allowedMemberActions(caller("owner", "claris_connect"), owner)).toEqual([]);
  });

  it("on a manager's own row: a role and licence change, never deactivating or removing themselves", () => {
    const self = user({ id: "me", role: "manager" });
    expect(allowedMemberActions(caller("manager"), self)).toEqual(["makeMember", "addLicence"]);
    expect(allowedMemberActions(caller("manager"), { ...self, managed: false })).toEqual(["makeMember", "addLicence"]);
  });

  it("a managed user is deactivated or reactivated, an external one removed", () => {
    expect(allowedMemberActions(caller("manager"), user())).toEqual(["makeManager", "addLicence", "deactivate"]);
    expect(allowedMemberActions(caller("manager"), user({ status: "deactivated", licensed: true }))).toEqual([
      "makeManager",
      "removeLicence",
      "reactivate",
    ]);
    expect(allowedMemberActions(caller("manager"), user({ managed: false }))).toEqual([
      "makeManager",
      "addLicence",
      "remove",
    ]);
  });

  it("another manager is the owner's to change, and only the owner offers ownership to active users", () => {
    const manager = user({ role: "manager" });
    expect(allowedMemberActions(caller("manager"), manager)).toEqual([]);
    expect(allowedMemberActions(caller("owner"), manager)).toEqual([
      "makeMember",
      "addLicence",
      "deactivate",
      "transferOwnership",
    ]);
    expect(allowedMemberActions(caller("owner"), user({ status: "deactivated" }))).toEqual([
      "makeManager",
      "addLicence",
      "reactivate",
    ]);
  });

  it("Claris Connect teams have no licences, and a member changes no one", () => {
    expect(allowedMemberActions(caller("manager", "claris_connect"), user())).toEqual(["makeManager", "deactivate"]);
    expect(allowedMemberActions(caller("member"), user())).toEqual([]);
  });
});

describe("the listing", () => {
  const database = setUpTestDatabase();

  it("gives each row the actions its caller may take", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const manager = await callerForEmail(db, "manager@acme.example");
    const { members } = await manager.members.list({ teamId, search: "acme.example" });
    const actionsOf = (email: string) => members.find((m) => m.email === email)?.allowedActions;
    expect(actionsOf("owner@acme.example")).toEqual([]);
    expect(actionsOf("member@acme.example")).toEqual(["makeManager", "removeLicence", "deactivate"]);
  });
});
