import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createContext } from "../context";
import { createCaller } from "../routers/root";
import { accountActor, callerForEmail } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { createSession } from "./sessions";

const database = setUpTestDatabase();

/** One request of a signed-in browser: a context as the API route and the pages build it. */
async function requestOf(email: string, clock = fixedClock("2026-07-01T09:00:00Z")) {
  const { db } = database.handle;
  const { accountId } = (await accountActor(db, email)) as { accountId: string };
  const sessionId = await createSession(db, {
    accountId,
    now: clock.now(),
    ip: null,
    userAgent: null,
    mfaVerified: false,
  });
  const context = await createContext({ db, clock, headers: new Headers(), sessionId });
  return { api: createCaller(context), sessionId, clock };
}

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.code;
}

describe("the session a request's cookie names", () => {
  it("lets a team call through on the session and the team's access read together", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const { api } = await requestOf("manager@acme.example");
    const page = await api.members.list({ teamId });
    expect(page.members.length).toBeGreaterThan(0);
    expect((await api.account.me()).email).toBe("manager@acme.example");
  });

  it("lets team calls through after an account call read the session first, and keeps others out", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const initech = await demoTeamId(db, "Initech");
    const { api } = await requestOf("manager@acme.example");
    expect((await api.account.me()).email).toBe("manager@acme.example");
    const [access, page] = await Promise.all([api.teams.access({ teamId }), api.members.list({ teamId })]);
    expect(access.membership?.role).toBe("manager");
    expect(page.members.length).toBeGreaterThan(0);
    expect(await refusal(api.members.list({ teamId: initech }))).toBe("NOT_FOUND");
  });

  it("is refused everywhere once it has ended, in a team call as in an account call", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const first = await requestOf("manager@acme.example");
    await db.update(sessions).set({ endedAt: first.clock.now() }).where(eq(sessions.id, first.sessionId));
    const context = await createContext({ db, clock: first.clock, headers: new Headers(), sessionId: first.sessionId });
    const api = createCaller(context);
    expect(await refusal(api.members.list({ teamId }))).toBe("UNAUTHORIZED");
    expect(await refusal(api.account.me())).toBe("UNAUTHORIZED");
  });

  it("keeps nobody out of a team they are not in: the team looks missing", async () => {
    const { db } = database.handle;
    const initech = await demoTeamId(db, "Initech");
    const { api } = await requestOf("manager@acme.example");
    expect(await refusal(api.members.list({ teamId: initech }))).toBe("NOT_FOUND");
  });

  it("decides a change on access read afresh, not on what an earlier read of the same request found", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const { api } = await requestOf("noah.keller@acme.example");
    const owner = await callerForEmail(db, "owner@acme.example");
    const noah = await membershipOf(db, teamId, "noah.keller@acme.example");
    await owner.members.changeRole({ teamId, membershipId: noah!.id, role: "manager" });
    expect((await api.members.list({ teamId })).members.length).toBeGreaterThan(0);

    await owner.members.changeRole({ teamId, membershipId: noah!.id, role: "member" });
    const target = await membershipOf(db, teamId, "emma.dubois@acme.example");
    expect(await refusal(api.members.deactivate({ teamId, membershipId: target!.id }))).toBe("FORBIDDEN");
  });

  it("shows the request's later reads what its own change did", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Initech");
    const { api } = await requestOf("owner@initech.example");
    expect((await api.teams.access({ teamId })).team.name).toBe("Initech");
    await api.teams.rename({ teamId, name: "Initrode" });
    expect((await api.teams.access({ teamId })).team.name).toBe("Initrode");
  });
});
