import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, invitations, memberships } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createAccount } from "../accounts/create-account";
import { noRequest, systemActor } from "../actor";
import { startSubscription } from "../billing/start-subscription";
import { systemClock } from "../clock";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { createTeam } from "../teams/create-team";
import { addMembership } from "./add-membership";
import { removeMembership } from "./remove-membership";
import { seatsInUse } from "./seats";

const database = setUpTestDatabase();
const platform: DomainContext = { actor: systemActor("Seat tests"), clock: systemClock, request: noRequest };

let accountCounter = 0;
function newAccounts(n: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const i = ++accountCounter;
      const { id } = await createAccount(database.handle.db, platform, {
        email: `person${i}@seats.example`,
        name: `Person ${i}`,
        password: "Seat-Test-Password-2026",
        emailVerified: true,
      });
      return id;
    }),
  );
}

async function teamWithSeats(
  seats: number,
  name = `Seats ${seats} ${randomBytes(3).toString("hex")}`,
): Promise<string> {
  const [owner] = await newAccounts(1);
  const team = await createTeam(database.handle.db, platform, {
    name,
    product: "filemaker_cloud",
    ownerAccountId: owner!,
  });
  await startSubscription(database.handle.db, platform, {
    teamId: team.id,
    planCode: "fmc-essentials",
    billingPeriod: "monthly",
    seats,
  });
  return team.id;
}

const license = (teamId: string, accountId: string) =>
  addMembership(database.handle.db, platform, { teamId, accountId, role: "member", licensed: true });

async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function membershipsOf(teamId: string, accountId: string): Promise<number> {
  const [row] = await database.handle.db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.accountId, accountId)));
  return row!.n;
}

describe("licensing users against the subscription's seats", () => {
  it("refuses a licence beyond the last seat, saying how many seats there are", async () => {
    const teamId = await teamWithSeats(5);
    const people = await newAccounts(6);
    for (const person of people.slice(0, 5)) await license(teamId, person);

    const error = await refusal(license(teamId, people[5]!));
    expect(error.code).toBe("SEAT_LIMIT");
    expect(error.message).toBe("All 5 seats are in use. Remove a licence or add seats to the subscription.");
    expect(await seatsInUse(database.handle.db, teamId, new Date())).toBe(5);
  });

  it("leaves neither a membership nor an audit event behind when refused", async () => {
    const teamId = await teamWithSeats(5);
    const people = await newAccounts(6);
    for (const person of people.slice(0, 5)) await license(teamId, person);
    const events = async () =>
      (await database.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.teamId, teamId)))[0]!.n;
    const before = await events();

    await refusal(license(teamId, people[5]!));
    expect(await membershipsOf(teamId, people[5]!)).toBe(0);
    expect(await events()).toBe(before);
  });

  it("still adds unlicensed members to a full team", async () => {
    const teamId = await teamWithSeats(5);
    const people = await newAccounts(6);
    for (const person of people.slice(0, 5)) await license(teamId, person);
    await addMembership(database.handle.db, platform, {
      teamId,
      accountId: people[5]!,
      role: "member",
      licensed: false,
    });
    expect(await membershipsOf(teamId, people[5]!)).toBe(1);
  });

  it("frees a seat when a licensed external member is removed", async () => {
    const teamId = await teamWithSeats(5);
    const people = await newAccounts(6);
    const first = await license(teamId, people[0]!);
    for (const person of people.slice(1, 5)) await license(teamId, person);
    await refusal(license(teamId, people[5]!));

    await removeMembership(database.handle.db, platform, { teamId, membershipId: first.id });
    await license(teamId, people[5]!);
    expect(await seatsInUse(database.handle.db, teamId, new Date())).toBe(5);
  });

  it("counts a pending licensed invitation as a seat, but not an expired one", async () => {
    const teamId = await teamWithSeats(5);
    const people = await newAccounts(5);
    for (const person of people.slice(0, 3)) await license(teamId, person);
    const now = new Date();
    const invite = (email: string, expiresAt: Date) => ({
      teamId,
      email,
      licensed: true,
      tokenHash: randomBytes(16).toString("hex"),
      createdAt: now,
      expiresAt,
    });
    await database.handle.db
      .insert(invitations)
      .values([
        invite("pending@seats.example", new Date(now.getTime() + 86_400_000)),
        invite("expired@seats.example", new Date(now.getTime() - 1000)),
      ]);
    expect(await seatsInUse(database.handle.db, teamId, now)).toBe(4);

    await license(teamId, people[3]!);
    const error = await refusal(license(teamId, people[4]!));
    expect(error.code).toBe("SEAT_LIMIT");
  });

  it("tells a team without a subscription to add seats first", async () => {
    const [owner, person] = await newAccounts(2);
    const team = await createTeam(database.handle.db, platform, {
      name: "No contract",
      product: "filemaker_cloud",
      ownerAccountId: owner!,
    });
    const error = await refusal(license(team.id, person!));
    expect(error.code).toBe("SEAT_LIMIT");
    expect(error.message).toBe("The team has no subscription seats; add seats before licensing users.");
  });

  it(raceTest("gives exactly the free seats to 15 people licensed at the same time"), async () => {
    const teamId = await teamWithSeats(5);
    const [early1, early2, ...crowd] = await newAccounts(17);
    await license(teamId, early1!);
    await license(teamId, early2!);
    const free = 3;

    let outcomes: PromiseSettledResult<{ id: string }>[];
    if (database.handle.kind === "postgres") {
      // Fifteen transactions on their own connections race for the subscription row lock.
      outcomes = await Promise.allSettled(crowd.map((person) => license(teamId, person)));
    } else {
      // PGlite has one connection and runs transactions one after another: first come, first served.
      outcomes = [];
      for (const person of crowd) {
        outcomes.push(
          await license(teamId, person).then(
            (value) => ({ status: "fulfilled", value }) as const,
            (reason: unknown) => ({ status: "rejected", reason }) as const,
          ),
        );
      }
      expect(outcomes.map((o) => o.status)).toEqual([...Array(free).fill("fulfilled"), ...Array(12).fill("rejected")]);
    }

    expect(crowd).toHaveLength(15);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(free);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refusals).toHaveLength(15 - free);
    for (const { reason } of refusals) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).code).toBe("SEAT_LIMIT");
    }
    expect(await seatsInUse(database.handle.db, teamId, new Date())).toBe(5);
  });
});
