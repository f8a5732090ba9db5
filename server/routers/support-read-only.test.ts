import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { groups, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { callOverHttp } from "../testing/callers";
import { refusal } from "../testing/refusal";
import { requestContext } from "../testing/request-context";
import { browserCaller, openSupportView, signInDemo, signInDemoSupport } from "../testing/support-session";
import { createCallerFactory, router, teamProcedure } from "../trpc";
import { appRouter } from "./root";

const database = setUpTestDatabase();

let acmeCorp: string;
let acmeConnect: string;
const clock = fixedClock(new Date());
/** The cookies of a support staff member viewing Acme Corp: a real two-step session and support session. */
let support: { sessionId: string; supportSessionId: string };

beforeAll(async () => {
  const { db } = database.handle;
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams);
  acmeCorp = rows.find((t) => t.name === "Acme Corp")!.id;
  acmeConnect = rows.find((t) => t.name === "Acme Connect")!.id;
  const sessionId = await signInDemoSupport(db, clock);
  const view = await openSupportView(db, clock, {
    teamId: acmeCorp,
    grantedBy: "owner@acme.example",
    staffSessionId: sessionId,
  });
  support = { sessionId, supportSessionId: view.supportSessionId };
});

const supportApi = () => browserCaller(database.handle.db, clock, support);

function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Team procedures the app does not have yet: mutations, and a read that (wrongly) writes. */
let mutationBodiesRun = 0;
const probeRouter = router({
  app: appRouter,
  probe: router({
    renameTeam: teamProcedure("settings.update").mutation(async ({ ctx }) => {
      mutationBodiesRun++;
      await ctx.db.update(teams).set({ name: "Renamed by support" }).where(eq(teams.id, ctx.access.team.id));
    }),
    /** Only needs a read permission, but is still a mutation. */
    markTeamSeen: teamProcedure("team.read").mutation(() => {
      mutationBodiesRun++;
    }),
    /** A read that forgot it is a read: the READ ONLY transaction must stop it. */
    sneakyWrite: teamProcedure("team.read").query(async ({ ctx }) => {
      await ctx.db.insert(groups).values({ teamId: ctx.access.team.id, name: "Planted by a read" });
      return "written";
    }),
    transactionReadOnly: teamProcedure("team.read").query(async ({ ctx }) => {
      const [row] = rowsOf<{ read_only: string }>(
        await ctx.db.execute(sql`select current_setting('transaction_read_only') as read_only`),
      );
      return row!.read_only;
    }),
    /** A query that names a write permission. */
    settingsForEditing: teamProcedure("settings.update").query(() => "editable"),
  }),
});
const createProbeCaller = async (cookies: { sessionId?: string; supportSessionId?: string }) =>
  createCallerFactory(probeRouter)(await requestContext(database.handle.db, clock, cookies));
const ownerCookies = async () => ({ sessionId: await signInDemo(database.handle.db, clock, "owner@acme.example") });

async function plantedGroups(): Promise<number> {
  const [row] = await database.handle.db
    .select({ n: count() })
    .from(groups)
    .where(and(eq(groups.teamId, acmeCorp), eq(groups.name, "Planted by a read")));
  return row!.n;
}

describe("a support session viewing Acme Corp", () => {
  it("sees every read-only area of the team", async () => {
    const api = await supportApi();
    const teamId = acmeCorp;
    expect((await api.members.list({ teamId })).members.length).toBeGreaterThan(10);
    expect((await api.groups.list({ teamId })).map((g) => g.name)).toEqual(["Finance", "Operations", "Sales"]);
    expect((await api.hosts.list({ teamId })).map((h) => h.name)).toEqual(["Acme Production", "Acme Staging"]);
    expect((await api.settings.get({ teamId })).teamId).toBe(teamId);
    expect((await api.subscription.summary({ teamId }))?.seats?.total).toBe(30);
    expect((await api.audit.list({ teamId })).events.length).toBeGreaterThan(0);
  });

  it("sees every custom app on Home, having no membership of its own", async () => {
    const api = await supportApi();
    const home = await api.teams.home({ teamId: acmeCorp });
    expect(home.customApps).toHaveLength(5);
    expect(home.hosts.map((h) => h.name)).toEqual(["Acme Production", "Acme Staging"]);
  });

  it("holds only the team's read permissions", async () => {
    const api = await supportApi();
    const access = await api.teams.access({ teamId: acmeCorp });
    expect(access.membership).toBeNull();
    expect(access.permissions.length).toBeGreaterThan(0);
    expect(access.permissions.every((p) => p.endsWith(".read"))).toBe(true);
  });

  it.each(["renameTeam", "markTeamSeen"] as const)("is refused the mutation %s before it runs", async (procedure) => {
    const api = await createProbeCaller(support);
    const before = mutationBodiesRun;
    const error = await refusal(api.probe[procedure]({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Support sessions are read-only.");
    expect(mutationBodiesRun).toBe(before);
    const [team] = await database.handle.db.select({ name: teams.name }).from(teams).where(eq(teams.id, acmeCorp));
    expect(team!.name).toBe("Acme Corp");
  });

  it("is refused a query that needs a write permission", async () => {
    const api = await createProbeCaller(support);
    const error = await refusal(api.probe.settingsForEditing({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Support sessions are read-only.");
  });

  it("reads inside a READ ONLY transaction, while a member's reads do not", async () => {
    expect(await (await createProbeCaller(support)).probe.transactionReadOnly({ teamId: acmeCorp })).toBe("on");
    expect(await (await createProbeCaller(await ownerCookies())).probe.transactionReadOnly({ teamId: acmeCorp })).toBe(
      "off",
    );
  });

  it("cannot write even through a read that forgot its checks: PostgreSQL refuses it", async () => {
    const error = await refusal((await createProbeCaller(support)).probe.sneakyWrite({ teamId: acmeCorp }));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    // 25006: read_only_sql_transaction.
    expect(pgErrorCode(error)).toBe("25006");
    expect(await plantedGroups()).toBe(0);
  });

  it("sees that refusal as a generic error that quotes the request id", async () => {
    const ctx = await requestContext(database.handle.db, clock, support);
    const { status, body } = await callOverHttp(
      probeRouter,
      { ...ctx, request: { ...ctx.request, requestId: "req-support-0001" } },
      {
        path: "probe.sneakyWrite",
        type: "query",
        input: { teamId: acmeCorp },
      },
    );
    expect(status).toBe(500);
    expect(body.error?.message).toBe(
      "Something went wrong on our side. Quote request id req-support-0001 when reporting it.",
    );
    expect(body.error?.message).not.toMatch(/read-only|INSERT/i);
    expect(body.error?.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId: "req-support-0001" });
    expect(await plantedGroups()).toBe(0);
  });

  it("the same sloppy read does write for a manager, so the guard is the transaction", async () => {
    expect(await (await createProbeCaller(await ownerCookies())).probe.sneakyWrite({ teamId: acmeCorp })).toBe(
      "written",
    );
    expect(await plantedGroups()).toBe(1);
  });
});

describe("a support session for one team", () => {
  it("is told another team does not exist", async () => {
    const api = await supportApi();
    for (const call of [api.teams.home({ teamId: acmeConnect }), api.subscription.summary({ teamId: acmeConnect })]) {
      const error = await refusal(call);
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("This team does not exist or you are not a member of it.");
    }
  });

  it("is only the staff member's own account outside that team", async () => {
    const api = await supportApi();
    expect(await api.teams.mine()).toEqual([]);
    expect((await api.account.me()).email).toBe("support@console.example");
  });
});
