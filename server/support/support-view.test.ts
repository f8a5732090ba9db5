import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, staff, supportSessions, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { Actor } from "../actor";
import { fixedClock } from "../clock";
import { createGroup } from "../groups/create-group";
import { listMailbox } from "../mail/mailbox";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { browserCaller, signInDemoSupport } from "../testing/support-session";
import { addStaff } from "./add-staff";

const database = setUpTestDatabase();
const clock = fixedClock("2026-08-01T09:00:00Z");
let acmeCorp = "";

beforeAll(async () => {
  const [team] = await database.handle.db.select().from(teams).where(eq(teams.name, "Acme Corp"));
  acmeCorp = team!.id;
});

let staffSessionId = "";

/** The demo support account, signed in with two-step verification, its cookie naming a support session. */
async function staffCaller(supportSessionId?: string) {
  staffSessionId ||= await signInDemoSupport(database.handle.db, clock);
  return browserCaller(database.handle.db, clock, {
    sessionId: staffSessionId,
    ...(supportSessionId ? { supportSessionId } : {}),
  });
}

async function managerCaller() {
  return createCaller(
    contextFor(database.handle.db, await accountActor(database.handle.db, "manager@acme.example"), { clock }),
  );
}

async function events(action: string) {
  return database.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.teamId, acmeCorp), eq(auditEvents.action, action)));
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("support access", () => {
  it("is refused without the team's consent", async () => {
    const support = await staffCaller();
    const error = await refusal(support.staffConsole.open({ teamId: acmeCorp, reason: "Ticket 1001" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("Acme Corp has not granted support access");
  });

  it("lets staff read the team as a manager, read-only and audited, until the grant is revoked", async () => {
    const manager = await managerCaller();
    const grant = await manager.supportAccess.grant({ teamId: acmeCorp, hours: 2, note: "Ticket 1002" });
    const support = await staffCaller();
    const found = await support.staffConsole.searchTeams({ query: "owner@acme.example" });
    expect(found.map((team) => [team.name, team.accessGranted])).toEqual([
      ["Acme Connect", false],
      ["Acme Corp", true],
    ]);
    const session = await support.staffConsole.open({
      teamId: acmeCorp,
      reason: "Ticket 1002: users cannot open Invoices",
    });
    expect(session.endsAt).toEqual(new Date(clock.now().getTime() + 60 * 60 * 1000));

    const viewing = await staffCaller(session.id);
    const access = await viewing.teams.access({ teamId: acmeCorp });
    expect(access.support?.endsAt).toEqual(session.endsAt);
    expect(access.permissions.every((p) => p.endsWith(".read"))).toBe(true);
    expect((await viewing.members.list({ teamId: acmeCorp })).members.length).toBeGreaterThan(0);
    const write = await refusal(viewing.settings.updateSecurity({ teamId: acmeCorp, sessionIdleMinutes: 30 }));
    expect(write.code).toBe("FORBIDDEN");
    expect(write.message).toBe("Support sessions are read-only.");

    expect((await events("support.session.started")).at(-1)).toMatchObject({
      actorType: "staff",
      actorLabel: "support@console.example",
    });
    const viewed = await events("support.viewed");
    expect(viewed.map((e) => e.targetId)).toEqual(expect.arrayContaining(["teams.access", "members.list"]));

    await manager.supportAccess.revoke({ teamId: acmeCorp, grantId: grant.id });
    const afterRevoke = await refusal(viewing.members.list({ teamId: acmeCorp }));
    expect(afterRevoke.code).toBe("NOT_FOUND");
    const [ended] = await database.handle.db.select().from(supportSessions).where(eq(supportSessions.id, session.id));
    expect(ended!.endedAt).not.toBeNull();
    expect((await events("support.session.ended")).at(-1)?.after).toEqual({ why: "grant_ended" });
  });

  it("lets staff look as one member does, which shows that member's apps and nothing more", async () => {
    const manager = await managerCaller();
    await manager.supportAccess.grant({ teamId: acmeCorp, hours: 1 });
    const support = await staffCaller();
    const session = await support.staffConsole.open({ teamId: acmeCorp, reason: "Ticket 1003" });
    const viewing = await staffCaller(session.id);
    const { members } = await viewing.members.list({ teamId: acmeCorp, search: "member@acme.example" });
    await viewing.staffConsole.viewAs({ membershipId: members[0]!.id });

    const home = await viewing.teams.home({ teamId: acmeCorp });
    expect(home.customApps.map((app) => app.name).sort()).toEqual(["Customer CRM", "Invoices", "Timesheets"]);
    expect((await viewing.teams.access({ teamId: acmeCorp })).support?.viewingAs?.email).toBe("member@acme.example");
    expect((await refusal(viewing.members.list({ teamId: acmeCorp }))).code).toBe("FORBIDDEN");

    await viewing.staffConsole.exit();
    expect((await events("support.session.ended")).at(-1)?.after).toEqual({ why: "exit" });
  });

  it("lets a support admin break the glass with a written reason, and mails the owner at once", async () => {
    const { db } = database.handle;
    await addStaff(
      db,
      { actor: { kind: "system", label: "test" }, clock, request: contextFor(db).request },
      { email: "it@acme.example", role: "support_admin" },
    );
    const admin = createCaller(
      contextFor(db, await accountActor(db, "it@acme.example", { mfaVerified: true }), { clock }),
    );
    const [acmeConnect] = await db.select().from(teams).where(eq(teams.name, "Acme Connect"));
    await expect(
      admin.staffConsole.open({ teamId: acmeConnect!.id, reason: "outage", breakGlass: true }),
    ).rejects.toThrow("at least 20 characters");
    await admin.staffConsole.open({
      teamId: acmeConnect!.id,
      reason: "Platform outage INC-77, checking flows",
      breakGlass: true,
    });
    const mails = await listMailbox(db, "owner@acme.example");
    expect(mails.map((m) => m.subject)).toContain("Support opened Acme Connect without a grant");
    const [started] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, acmeConnect!.id), eq(auditEvents.action, "support.session.started")));
    expect(started!.after).toMatchObject({ breakGlass: true, reason: "Platform outage INC-77, checking flows" });
  });

  it("is closed to staff who did not pass two-step verification, and to everyone else", async () => {
    const { db } = database.handle;
    const withoutCode = createCaller(contextFor(db, await accountActor(db, "support@console.example"), { clock }));
    expect((await refusal(withoutCode.staffConsole.searchTeams({ query: "Acme" }))).message).toContain(
      "two-step verification",
    );
    const customer = await managerCaller();
    expect((await refusal(customer.staffConsole.searchTeams({ query: "Acme" }))).message).toBe(
      "This area is for support staff.",
    );
    const [row] = await db.select().from(staff);
    expect(row).toBeDefined();
  });
});

describe("the second read-only guard", () => {
  it("has PostgreSQL refuse a domain write run inside a support request's transaction", async () => {
    const { db } = database.handle;
    const ctx = { actor: { kind: "system", label: "test" } as Actor, clock, request: contextFor(db).request };
    const error = await db
      .transaction((tx) => createGroup(tx, ctx, { teamId: acmeCorp, name: "Written by support" }), {
        accessMode: "read only",
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const codes: string[] = [];
    for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
      if (e.code) codes.push(e.code);
    expect(codes).toContain("25006");
    await expect((await managerCaller()).groups.list({ teamId: acmeCorp })).resolves.not.toContainEqual(
      expect.objectContaining({ name: "Written by support" }),
    );
  });
});
