import { and, desc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, sessions, subscriptions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createSession } from "../auth/sessions";
import { callerForEmail } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { refusal } from "../testing/refusal";

const database = setUpTestDatabase();
const as = (email: string) => callerForEmail(database.handle.db, email);
let teamId: string;
let connectId: string;
const member = (email: string) => membershipOf(database.handle.db, teamId, email).then((m) => m!);

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  connectId = await demoTeamId(database.handle.db, "Acme Connect");
});

async function lastEvent() {
  const [event] = await database.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.teamId, teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return event!;
}

describe("the owner is protected", () => {
  it.each(["owner@acme.example", "manager@acme.example"])(
    "from being demoted, deactivated or removed by %s",
    async (email) => {
      const api = await as(email);
      const owner = await member("owner@acme.example");
      for (const call of [
        () => api.members.changeRole({ teamId, membershipId: owner.id, role: "member" }),
        () => api.members.deactivate({ teamId, membershipId: owner.id }),
        () => api.members.remove({ teamId, membershipId: owner.id }),
      ]) {
        const error = await refusal(call());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toMatch(/owner cannot be/);
      }
      expect((await member("owner@acme.example")).role).toBe("owner");
    },
  );
});

describe("roles", () => {
  it("a manager promotes a member and the change is audited with before and after", async () => {
    const api = await as("manager@acme.example");
    const target = await member("liam.chen@acme.example");
    await api.members.changeRole({ teamId, membershipId: target.id, role: "manager" });
    expect((await member("liam.chen@acme.example")).role).toBe("manager");
    const event = await lastEvent();
    expect(event.action).toBe("membership.role_changed");
    expect(event.before).toMatchObject({ role: "member" });
    expect(event.after).toMatchObject({ role: "manager" });
  });

  it("a manager cannot change another manager's role, the owner can", async () => {
    const other = await member("it@acme.example");
    const error = await refusal(
      (await as("manager@acme.example")).members.changeRole({ teamId, membershipId: other.id, role: "member" }),
    );
    expect(error.message).toBe("Only the team's owner can change another team manager; it@acme.example is one.");
    await (await as("owner@acme.example")).members.changeRole({ teamId, membershipId: other.id, role: "member" });
    expect((await member("it@acme.example")).role).toBe("member");
  });

  it("a member may not change anyone", async () => {
    const target = await member("hana.sato@acme.example");
    const error = await refusal(
      (await as("member@acme.example")).members.changeRole({ teamId, membershipId: target.id, role: "manager" }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("licences", () => {
  it("are added and removed, and Claris Connect teams say they have none", async () => {
    const api = await as("manager@acme.example");
    const chloe = await member("chloe.martin@acme.example");
    const before = await api.members.seats({ teamId });
    await api.members.setLicence({ teamId, membershipId: chloe.id, licensed: true });
    expect(await api.members.seats({ teamId })).toEqual({ used: before!.used + 1, total: 30 });
    expect((await lastEvent()).action).toBe("membership.licence_added");
    await api.members.setLicence({ teamId, membershipId: chloe.id, licensed: false });
    expect(await api.members.seats({ teamId })).toEqual(before);

    const owner = await as("owner@acme.example");
    const priya = await membershipOf(database.handle.db, connectId, "priya.nair@acme.example");
    const error = await refusal(
      owner.members.setLicence({ teamId: connectId, membershipId: priya!.id, licensed: true }),
    );
    expect(error.message).toBe("Claris Connect teams have no per-user licences.");
    expect(await owner.members.seats({ teamId: connectId })).toBeNull();
  });
});

describe("deactivation", () => {
  it("ends the managed account's sessions at once and reactivation gives access back", async () => {
    const api = await as("manager@acme.example");
    const noah = await member("noah.keller@acme.example");
    await createSession(database.handle.db, {
      accountId: noah.accountId,
      now: new Date(),
      ip: null,
      userAgent: null,
      mfaVerified: false,
    });
    await api.members.deactivate({ teamId, membershipId: noah.id });
    const open = await database.handle.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, noah.accountId), isNull(sessions.endedAt)));
    expect(open).toHaveLength(0);
    expect((await member("noah.keller@acme.example")).status).toBe("deactivated");
    const event = await lastEvent();
    expect(event.before).toMatchObject({ status: "active" });
    expect(event.after).toMatchObject({ status: "deactivated", sessionsEnded: 1 });
    await refusal((await as("noah.keller@acme.example")).teams.home({ teamId }));

    await api.members.reactivate({ teamId, membershipId: noah.id });
    expect((await member("noah.keller@acme.example")).status).toBe("active");
    await (await as("noah.keller@acme.example")).teams.home({ teamId });
  });

  it("is only for managed accounts; external users are removed instead", async () => {
    const api = await as("manager@acme.example");
    const jade = await member("jade.fontaine@partner.example");
    const error = await refusal(api.members.deactivate({ teamId, membershipId: jade.id }));
    expect(error.message).toMatch(/external user.*Remove them from the team instead/);
    const mina = await member("member@acme.example");
    expect((await refusal(api.members.remove({ teamId, membershipId: mina.id }))).message).toMatch(
      /deactivate the account instead/,
    );

    await api.members.remove({ teamId, membershipId: jade.id });
    expect(await membershipOf(database.handle.db, teamId, "jade.fontaine@partner.example")).toBeUndefined();
    const event = await lastEvent();
    expect(event.action).toBe("membership.removed");
    expect(event.before).toMatchObject({ email: "jade.fontaine@partner.example", licensed: true });
  });

  it("a manager cannot deactivate themselves or remove another manager", async () => {
    const api = await as("manager@acme.example");
    const me = await member("manager@acme.example");
    expect((await refusal(api.members.deactivate({ teamId, membershipId: me.id }))).message).toMatch(
      /cannot deactivate yourself/,
    );
    const consultant = await member("consultant@fmpro.example");
    expect((await refusal(api.members.remove({ teamId, membershipId: consultant.id }))).message).toMatch(
      /Only the team's owner/,
    );
  });

  it("reactivating a licensed user needs a free seat", async () => {
    const owner = await as("owner@acme.example");
    const yuki = await member("yuki.tanaka@acme.example");
    const seats = (await owner.members.seats({ teamId }))!;
    const { db } = database.handle;
    await db.update(subscriptions).set({ seats: seats.used }).where(eq(subscriptions.teamId, teamId));
    const error = await refusal(owner.members.reactivate({ teamId, membershipId: yuki.id }));
    expect(error.message).toBe(
      `All ${seats.used} seats are in use. Remove a licence or add seats to the subscription.`,
    );
    await db.update(subscriptions).set({ seats: 30 }).where(eq(subscriptions.teamId, teamId));
  });
});

describe("ownership transfer", () => {
  it("only the owner offers it, and ownership moves when the member accepts", async () => {
    const manager = await as("manager@acme.example");
    const sofia = await member("sofia.rossi@acme.example");
    expect((await refusal(manager.members.transferOwnership({ teamId, membershipId: sofia.id }))).code).toBe(
      "FORBIDDEN",
    );

    const owner = await as("owner@acme.example");
    await owner.members.transferOwnership({ teamId, membershipId: sofia.id });
    expect((await member("owner@acme.example")).role).toBe("owner");
    expect(await owner.members.ownershipTransfer({ teamId })).toMatchObject({
      toEmail: "sofia.rossi@acme.example",
      offeredToMe: false,
    });
    expect(await manager.members.ownershipTransfer({ teamId })).toBeNull();
    expect((await refusal(manager.members.answerOwnershipTransfer({ teamId, answer: "accept" }))).message).toBe(
      "This ownership transfer was offered to someone else.",
    );

    const newOwner = await as("sofia.rossi@acme.example");
    expect(await newOwner.members.ownershipTransfer({ teamId })).toMatchObject({ offeredToMe: true });
    await newOwner.members.answerOwnershipTransfer({ teamId, answer: "accept" });
    expect((await member("sofia.rossi@acme.example")).role).toBe("owner");
    expect((await member("owner@acme.example")).role).toBe("manager");
    const event = await lastEvent();
    expect(event.action).toBe("ownership.transferred");
    expect(event.after).toMatchObject({ ownerEmail: "sofia.rossi@acme.example" });

    // The former owner is now an ordinary manager: the new owner is protected from them.
    const sofiaNow = await member("sofia.rossi@acme.example");
    expect(
      (await refusal(owner.members.changeRole({ teamId, membershipId: sofiaNow.id, role: "member" }))).message,
    ).toMatch(/owner cannot be/);
    // And hands it back, so later tests see the demo as it was.
    const olivia = await member("owner@acme.example");
    await newOwner.members.transferOwnership({ teamId, membershipId: olivia.id });
    await owner.members.answerOwnershipTransfer({ teamId, answer: "accept" });
    expect((await member("owner@acme.example")).role).toBe("owner");
  });

  it("can be declined or withdrawn, and never goes to a deactivated member", async () => {
    const owner = await as("owner@acme.example");
    const ben = await member("ben.walker@acme.example");
    expect((await refusal(owner.members.transferOwnership({ teamId, membershipId: ben.id }))).message).toMatch(
      /not active/,
    );
    const grace = await member("grace.lee@acme.example");
    await owner.members.transferOwnership({ teamId, membershipId: grace.id });
    await (await as("grace.lee@acme.example")).members.answerOwnershipTransfer({ teamId, answer: "decline" });
    expect(await owner.members.ownershipTransfer({ teamId })).toBeNull();
    await owner.members.transferOwnership({ teamId, membershipId: grace.id });
    await owner.members.answerOwnershipTransfer({ teamId, answer: "cancel" });
    const error = await refusal(
      (await as("grace.lee@acme.example")).members.answerOwnershipTransfer({ teamId, answer: "accept" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await member("grace.lee@acme.example")).role).toBe("member");
  });
});
