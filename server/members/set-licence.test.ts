import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { refusal } from "../testing/refusal";

const database = setUpTestDatabase();
const as = (email: string) => callerForEmail(database.handle.db, email);
let teamId: string;
const member = (email: string) => membershipOf(database.handle.db, teamId, email).then((m) => m!);

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
});

async function lastAction() {
  const [event] = await database.handle.db
    .select({ action: auditEvents.action, targetId: auditEvents.targetId })
    .from(auditEvents)
    .where(eq(auditEvents.teamId, teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return event!;
}

describe("licences of protected users", () => {
  it("a manager cannot change the owner's licence, either way", async () => {
    const manager = await as("manager@acme.example");
    const owner = await member("owner@acme.example");
    const before = await lastAction();
    for (const licensed of [true, false]) {
      const error = await refusal(manager.members.setLicence({ teamId, membershipId: owner.id, licensed }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe("Only the team's owner can change the owner's licence.");
    }
    expect((await member("owner@acme.example")).licensed).toBe(owner.licensed);
    expect(await lastAction()).toEqual(before);
  });

  it("a manager cannot change another manager's licence; the owner can", async () => {
    const ines = await member("it@acme.example");
    expect(ines.licensed).toBe(false);
    const error = await refusal(
      (await as("manager@acme.example")).members.setLicence({ teamId, membershipId: ines.id, licensed: true }),
    );
    expect(error.message).toBe("Only the team's owner can change another team manager; it@acme.example is one.");
    expect((await member("it@acme.example")).licensed).toBe(false);

    await (await as("owner@acme.example")).members.setLicence({ teamId, membershipId: ines.id, licensed: true });
    expect((await member("it@acme.example")).licensed).toBe(true);
    expect(await lastAction()).toEqual({ action: "membership.licence_added", targetId: ines.id });
  });

  it("the owner changes their own licence, and a manager their own", async () => {
    const owner = await member("owner@acme.example");
    await (await as("owner@acme.example")).members.setLicence({
      teamId,
      membershipId: owner.id,
      licensed: !owner.licensed,
    });
    expect((await member("owner@acme.example")).licensed).toBe(!owner.licensed);

    const me = await member("manager@acme.example");
    await (await as("manager@acme.example")).members.setLicence({ teamId, membershipId: me.id, licensed: false });
    expect((await member("manager@acme.example")).licensed).toBe(false);
    expect(await lastAction()).toEqual({ action: "membership.licence_removed", targetId: me.id });
  });
});
