import type { TRPCError } from "@trpc/server";
import { and, count, eq, isNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { groupMemberships, invitations, mailOutbox, subscriptions, teamSettings } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, callerForEmail, contextFor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { refusal } from "../testing/refusal";

const database = setUpTestDatabase();
const as = (email: string) => callerForEmail(database.handle.db, email);
let teamId: string;
let connectId: string;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  connectId = await demoTeamId(database.handle.db, "Acme Connect");
});

/** The link's token from the newest invitation mail to this address. */
async function tokenMailedTo(email: string): Promise<string> {
  const mails = await (await as("manager@acme.example")).dev.mailbox({ to: email });
  const link = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text);
  expect(link, "the mail should carry an invitation link").not.toBeNull();
  return link![1]!;
}

async function groupId(name: string) {
  const groups = await (await as("manager@acme.example")).groups.list({ teamId });
  return groups.find((g) => g.name === name)!.id;
}

describe("inviting", () => {
  it("mails each address a single-use link to join with the role, licence and groups", async () => {
    const api = await as("manager@acme.example");
    const sales = await groupId("Sales");
    const seatsBefore = (await api.members.seats({ teamId }))!.used;
    const { invited } = await api.invitations.invite({
      teamId,
      emails: ["integrations@partner.example", "New.Person@elsewhere.example", "new.person@elsewhere.example"],
      role: "manager",
      licensed: true,
      groupIds: [sales],
    });
    expect(invited.map((i) => i.email)).toEqual(["integrations@partner.example", "New.Person@elsewhere.example"]);
    expect((await api.members.seats({ teamId }))!.used).toBe(seatsBefore + 2);
    const [stored] = await database.handle.db.select().from(invitations).where(eq(invitations.id, invited[0]!.id));
    const token = await tokenMailedTo("integrations@partner.example");
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * 86_400_000);

    const pending = await api.invitations.list({ teamId });
    expect(pending.invitations.find((i) => i.email === "integrations@partner.example")).toMatchObject({
      groups: ["Sales"],
      licensed: true,
    });

    const anonymous = createCaller(contextFor(database.handle.db));
    expect(await anonymous.invitations.open({ token })).toEqual({
      teamName: "Acme Corp",
      email: "integrations@partner.example",
      state: "pending",
    });

    const wrongPerson = await as("member@acme.example");
    expect((await refusal(wrongPerson.invitations.accept({ token }))).message).toMatch(
      /This invitation is for integrations@partner.example/,
    );

    const kai = await as("integrations@partner.example");
    expect(await kai.invitations.accept({ token })).toEqual({ teamId, teamName: "Acme Corp" });
    const joined = await membershipOf(database.handle.db, teamId, "integrations@partner.example");
    expect(joined).toMatchObject({ role: "manager", licensed: true, status: "active" });
    const [inSales] = await database.handle.db
      .select({ n: count() })
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, sales), eq(groupMemberships.membershipId, joined!.id)));
    expect(inSales!.n).toBe(1);
    // Accepting turned the invitation's seat into the member's: the count is unchanged.
    expect((await api.members.seats({ teamId }))!.used).toBe(seatsBefore + 2);

    const again = await refusal(kai.invitations.accept({ token }));
    expect(again.message).toMatch(/already been used/);
    expect(await anonymous.invitations.open({ token })).toMatchObject({ state: "accepted" });
  });

  it("refuses bad addresses, members, repeated invitations and addresses outside the allowed domains", async () => {
    const api = await as("manager@acme.example");
    expect(
      (
        await refusal(
          api.invitations.invite({ teamId, emails: ["not-an-address"], role: "member", licensed: false, groupIds: [] }),
        )
      ).message,
    ).toBe("These are not email addresses: not-an-address.");
    expect(
      (
        await refusal(
          api.invitations.invite({
            teamId,
            emails: ["MEMBER@acme.example"],
            role: "member",
            licensed: false,
            groupIds: [],
          }),
        )
      ).message,
    ).toBe("Already in the team: MEMBER@acme.example.");
    await api.invitations.invite({
      teamId,
      emails: ["twice@acme.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    expect(
      (
        await refusal(
          api.invitations.invite({
            teamId,
            emails: ["twice@acme.example"],
            role: "member",
            licensed: false,
            groupIds: [],
          }),
        )
      ).code,
    ).toBe("CONFLICT");

    await database.handle.db
      .update(teamSettings)
      .set({ allowedInviteDomains: ["acme.example"] })
      .where(eq(teamSettings.teamId, teamId));
    const error = await refusal(
      api.invitations.invite({
        teamId,
        emails: ["someone@gmail.example"],
        role: "member",
        licensed: false,
        groupIds: [],
      }),
    );
    expect(error.message).toBe("someone@gmail.example: only addresses at acme.example may be invited (team setting).");
    await api.invitations.invite({
      teamId,
      emails: ["allowed@acme.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    await database.handle.db
      .update(teamSettings)
      .set({ allowedInviteDomains: [] })
      .where(eq(teamSettings.teamId, teamId));
  });

  it("expires after 7 days, frees its seat then, and a resend mails a new link", async () => {
    const clock = fixedClock(new Date());
    const ctx = contextFor(database.handle.db, await accountActor(database.handle.db, "manager@acme.example"), {
      clock,
    });
    const api = createCaller(ctx);
    const { invited } = await api.invitations.invite({
      teamId,
      emails: ["late@elsewhere.example"],
      role: "member",
      licensed: true,
      groupIds: [],
    });
    const firstToken = await tokenMailedTo("late@elsewhere.example");
    const held = (await api.members.seats({ teamId }))!.used;
    clock.advance(7 * 86_400_000);
    // Every invitation made by the tests above has expired by now too, so compare with this moment.
    const afterExpiry = (await api.members.seats({ teamId }))!.used;
    expect(afterExpiry).toBeLessThan(held);
    expect(await api.invitations.open({ token: firstToken })).toMatchObject({ state: "expired" });

    await api.invitations.resend({ teamId, invitationId: invited[0]!.id });
    expect((await api.members.seats({ teamId }))!.used).toBe(afterExpiry + 1);
    const secondToken = await tokenMailedTo("late@elsewhere.example");
    expect(secondToken).not.toBe(firstToken);
    expect(await api.invitations.open({ token: firstToken })).toBeNull();
    expect(await api.invitations.open({ token: secondToken })).toMatchObject({ state: "pending" });

    await api.invitations.revoke({ teamId, invitationId: invited[0]!.id });
    expect((await api.members.seats({ teamId }))!.used).toBe(afterExpiry);
    expect(await api.invitations.open({ token: secondToken })).toMatchObject({ state: "revoked" });
  });

  it("in a Claris Connect team says there are no licences or groups", async () => {
    const owner = await as("owner@acme.example");
    const error = await refusal(
      owner.invitations.invite({
        teamId: connectId,
        emails: ["x@acme.example"],
        role: "member",
        licensed: true,
        groupIds: [],
      }),
    );
    expect(error.message).toBe("Claris Connect teams have no per-user licences.");
    await owner.invitations.invite({
      teamId: connectId,
      emails: ["flows@acme.example"],
      role: "manager",
      licensed: false,
      groupIds: [],
    });
  });

  it("is refused to members", async () => {
    const error = await refusal(
      (await as("member@acme.example")).invitations.invite({
        teamId,
        emails: ["a@b.example"],
        role: "member",
        licensed: false,
        groupIds: [],
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("the licence limit under 50 invitations at once", () => {
  it(raceTest("lets exactly the 10 free seats be invited; 40 fail with SEAT_LIMIT naming the limit"), async () => {
    const api = await as("owner@acme.example");
    const used = (await api.members.seats({ teamId }))!.used;
    await database.handle.db
      .update(subscriptions)
      .set({ seats: used + 10 })
      .where(eq(subscriptions.teamId, teamId));
    const emails = Array.from({ length: 50 }, (_, i) => `crowd${i}@rush.example`);
    const invite = (email: string) =>
      api.invitations.invite({ teamId, emails: [email], role: "member", licensed: true, groupIds: [] });

    let outcomes: PromiseSettledResult<unknown>[];
    if (database.handle.kind === "postgres") {
      // Fifty transactions on up to twenty connections race for the subscription row lock.
      outcomes = await Promise.allSettled(emails.map(invite));
    } else {
      // PGlite is one connection: the invitations run one after another, first come first served.
      outcomes = [];
      for (const email of emails) outcomes.push(await Promise.allSettled([invite(email)]).then(([o]) => o!));
      expect(outcomes.slice(0, 10).every((o) => o.status === "fulfilled")).toBe(true);
    }
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refused).toHaveLength(40);
    for (const { reason } of refused) {
      expect((reason as TRPCError).code).toBe("PRECONDITION_FAILED");
      expect((reason as TRPCError).cause).toMatchObject({ code: "SEAT_LIMIT" });
      expect((reason as TRPCError).message).toBe(
        `All ${used + 10} seats are in use. Remove a licence or add seats to the subscription.`,
      );
    }
    expect(await api.members.seats({ teamId })).toEqual({ used: used + 10, total: used + 10 });
    const [pending] = await database.handle.db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.teamId, teamId), isNull(invitations.revokedAt), like(invitations.email, "crowd%")));
    expect(pending!.n).toBe(10);
    const [mails] = await database.handle.db
      .select({ n: count() })
      .from(mailOutbox)
      .where(like(mailOutbox.toAddress, "crowd%"));
    expect(mails!.n).toBe(10);
  });
});
