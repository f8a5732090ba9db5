import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditEvents, auditPersonalFields, invitations, mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { verifyAuditChain } from "../audit/verify-chain";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId, membershipOf } from "../testing/demo";
import { runDepartedRetentionJob } from "./departed-retention-job";

const database = setUpTestDatabase();
// Far beyond the seeding, so every demo team's own departures are long past their retention at day 0.
const T0 = new Date("2028-03-01T10:00:00Z");
const at = (days: number) => fixedClock(new Date(T0.getTime() + days * DAY_MS));
const TOM = "tom.becker@partner.example";
const LUCAS = "lucas.silva@acme.example";
const NOAH = "noah.keller@acme.example";
let acmeId: string;

async function managerAt(days: number) {
  const { db } = database.handle;
  return createCaller(contextFor(db, await accountActor(db, "manager@acme.example"), { clock: at(days) }));
}

/** Rows of the team's audit log, invitations and mail that still name the address. */
async function traces(email: string) {
  const { db } = database.handle;
  const audit = rowsOf<{ row: string }>(
    await db.execute(sql`select t::text as row from audit_events t where team_id = ${acmeId}`),
  ).filter((r) => r.row.toLowerCase().includes(email));
  const invited = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.teamId, acmeId), eq(sql`lower(${invitations.email})`, email)));
  const mails = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.teamId, acmeId), eq(mailOutbox.toAddress, email)));
  return { audit: audit.length, invitations: invited.length, mails: mails.length };
}

beforeAll(async () => {
  const { db } = database.handle;
  acmeId = await demoTeamId(db, "Acme Corp");
  const manager = await managerAt(0);
  await manager.settings.updateRetention({ teamId: acmeId, departedUserRetentionDays: 30 });
  // The demo's own departures are long past 30 days: erased first, out of the way.
  await runDepartedRetentionJob(db, at(0));

  await manager.members.remove({ teamId: acmeId, membershipId: (await membershipOf(db, acmeId, TOM))!.id });
  await manager.invitations.invite({ teamId: acmeId, emails: [TOM], role: "member", licensed: false, groupIds: [] });
  await manager.members.deactivate({ teamId: acmeId, membershipId: (await membershipOf(db, acmeId, LUCAS))!.id });
  const noah = (await membershipOf(db, acmeId, NOAH))!.id;
  await manager.members.deactivate({ teamId: acmeId, membershipId: noah });
  await (await managerAt(1)).members.reactivate({ teamId: acmeId, membershipId: noah });
});

describe("the departed-user retention", () => {
  it("keeps the personal data of people who left until the team's retention has passed", async () => {
    expect(await traces(TOM)).toMatchObject({ invitations: 1, mails: 1 });
    expect((await traces(TOM)).audit).toBeGreaterThan(1);
    expect((await traces(LUCAS)).audit).toBeGreaterThan(1);

    expect(await runDepartedRetentionJob(database.handle.db, at(29))).toEqual({ erased: 0 });

    expect(await traces(TOM)).toMatchObject({ invitations: 1, mails: 1 });
    expect((await traces(LUCAS)).audit).toBeGreaterThan(1);
  });

  it("erases them from the team's audit log, invitations and mail on the day it is due, once; the chain still verifies", async () => {
    const { db } = database.handle;
    // Three servers at once: each departure is erased, and audited, once.
    const runs = await Promise.all([30, 30, 30].map((day) => runDepartedRetentionJob(db, at(day))));
    expect(runs.reduce((sum, run) => sum + run.erased, 0)).toBe(2);
    expect(await runDepartedRetentionJob(db, at(31))).toEqual({ erased: 0 });

    expect(await traces(TOM)).toEqual({ audit: 0, invitations: 0, mails: 0 });
    expect(await traces(LUCAS)).toEqual({ audit: 0, invitations: 0, mails: 0 });
    expect(await verifyAuditChain(db, acmeId)).toMatchObject({ valid: true });
    const erasures = await db
      .select({ targetId: auditEvents.targetId, after: auditEvents.after, actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, acmeId), eq(auditEvents.action, "membership.personal_data_erased")));
    const tom = (await accountActor(db, TOM)) as { accountId: string };
    const lucas = (await accountActor(db, LUCAS)) as { accountId: string };
    expect(erasures.filter((e) => e.targetId === tom.accountId || e.targetId === lucas.accountId)).toHaveLength(2);
    expect(erasures.find((e) => e.targetId === tom.accountId)).toMatchObject({
      actorLabel: "Departed-user retention",
      after: { leftAt: T0.toISOString(), retentionDays: 30 },
    });
  });

  it("leaves people who came back, and what other teams and the platform hold", async () => {
    const { db } = database.handle;
    expect((await traces(NOAH)).audit).toBeGreaterThan(1);
    const tom = (await accountActor(db, TOM)) as { accountId: string };
    const elsewhere = await db
      .select()
      .from(auditPersonalFields)
      .where(and(eq(auditPersonalFields.accountId, tom.accountId), isNull(auditPersonalFields.teamId)));
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((field) => field.salt !== null)).toBe(true);
    const erasedInTeam = await db
      .select()
      .from(auditPersonalFields)
      .where(
        and(
          eq(auditPersonalFields.teamId, acmeId),
          eq(auditPersonalFields.accountId, tom.accountId),
          isNotNull(auditPersonalFields.salt),
        ),
      );
    expect(erasedInTeam).toEqual([]);
  });
});
