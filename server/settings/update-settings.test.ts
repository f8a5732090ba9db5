import { and, asc, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, teamSettings, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { verifyAuditChain } from "../audit/verify-chain";
import { callerForEmail } from "../testing/callers";
import { parseDomainList } from "./update-settings";

const database = setUpTestDatabase();

describe("allowed invitation domains", () => {
  it("are read from a list people type, and anything that is not a domain is named", () => {
    expect(parseDomainList(" Acme.example, @partner.example;acme.example\nsub.acme.example ")).toEqual([
      "acme.example",
      "partner.example",
      "sub.acme.example",
    ]);
    expect(parseDomainList("")).toEqual([]);
    expect(() => parseDomainList("acme.example, not a domain, x@y")).toThrow(
      "Not an email domain: not, a, domain, x@y.",
    );
  });

  it("are set by a manager and then limit who may be invited", async () => {
    const { db } = database.handle;
    const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    const manager = await callerForEmail(db, "manager@acme.example");
    await manager.settings.updateSecurity({ teamId: acme!.id, allowedInviteDomains: "acme.example" });
    const [settings] = await db.select().from(teamSettings).where(eq(teamSettings.teamId, acme!.id));
    expect(settings!.allowedInviteDomains).toEqual(["acme.example"]);
    await expect(manager.settings.updateSecurity({ teamId: acme!.id, allowedInviteDomains: "acme" })).rejects.toThrow(
      "Not an email domain: acme.",
    );
  });
});

describe("keeping departed users' personal data", () => {
  it("is set by a manager within bounds, audited with before and after", async () => {
    const { db } = database.handle;
    const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    const manager = await callerForEmail(db, "manager@acme.example");
    await manager.settings.updateRetention({ teamId: acme!.id, departedUserRetentionDays: 30 });
    expect((await manager.settings.get({ teamId: acme!.id })).departedUserRetentionDays).toBe(30);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, acme!.id), eq(auditEvents.action, "settings.updated")))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event).toMatchObject({
      actorLabel: "manager@acme.example",
      before: { departedUserRetentionDays: 90 },
      after: { departedUserRetentionDays: 30 },
    });

    await expect(manager.settings.updateRetention({ teamId: acme!.id, departedUserRetentionDays: 0 })).rejects.toThrow(
      "Keep departed users' personal data for at least 1 day.",
    );
    await expect(
      manager.settings.updateRetention({ teamId: acme!.id, departedUserRetentionDays: 3651 }),
    ).rejects.toThrow("at most 3650 days");
    await expect(
      manager.settings.updateRetention({ teamId: acme!.id, departedUserRetentionDays: 1.5 }),
    ).rejects.toThrow("whole number of days");
    expect((await manager.settings.get({ teamId: acme!.id })).departedUserRetentionDays).toBe(30);
  });

  it("cannot be changed by a member", async () => {
    const { db } = database.handle;
    const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    const member = await callerForEmail(db, "member@acme.example");
    await expect(
      member.settings.updateRetention({ teamId: acme!.id, departedUserRetentionDays: 7 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing the team's settings", () => {
  const acmeCorp = async () =>
    (await database.handle.db.select().from(teams).where(eq(teams.name, "Acme Corp")))[0]!.id;
  const settingsOf = async (teamId: string) =>
    (await database.handle.db.select().from(teamSettings).where(eq(teamSettings.teamId, teamId)))[0]!;
  const settingsEvents = (teamId: string) =>
    database.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "settings.updated")))
      .orderBy(asc(auditEvents.seq));

  it("is refused to a member, and changes nothing", async () => {
    const { db } = database.handle;
    const teamId = await acmeCorp();
    const before = await settingsOf(teamId);
    const eventsBefore = (await settingsEvents(teamId)).length;
    const member = await callerForEmail(db, "member@acme.example");
    await expect(
      member.settings.updateSecurity({ teamId, sessionIdleMinutes: 5, allowedInviteDomains: "evil.example" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Your role in Acme Corp does not allow you to change the team's settings. Ask the team's owner or a team manager.",
    });
    expect(await settingsOf(teamId)).toEqual(before);
    expect(await settingsEvents(teamId)).toHaveLength(eventsBefore);
  });

  it("by a manager is audited with what changed, before and after, and nothing else", async () => {
    const { db } = database.handle;
    const teamId = await acmeCorp();
    const before = await settingsOf(teamId);
    const eventsBefore = (await settingsEvents(teamId)).length;
    const idle = before.sessionIdleMinutes === 45 ? 50 : 45;
    const manager = await callerForEmail(db, "manager@acme.example");
    await manager.settings.updateSecurity({
      teamId,
      sessionIdleMinutes: idle,
      allowedInviteDomains: "acme.example, partner.example",
      mfaRequired: before.mfaRequired,
    });

    const events = await settingsEvents(teamId);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({
      actorType: "account",
      actorLabel: "manager@acme.example",
      targetType: "team",
      targetId: teamId,
      before: { sessionIdleMinutes: before.sessionIdleMinutes, allowedInviteDomains: before.allowedInviteDomains },
      after: { sessionIdleMinutes: idle, allowedInviteDomains: ["acme.example", "partner.example"] },
    });
    // mfaRequired was sent unchanged: it is not reported as a change.
    expect(Object.keys(events.at(-1)!.before as object).sort()).toEqual(["allowedInviteDomains", "sessionIdleMinutes"]);
    expect(Object.keys(events.at(-1)!.after as object).sort()).toEqual(["allowedInviteDomains", "sessionIdleMinutes"]);
    expect(await settingsOf(teamId)).toMatchObject({
      sessionIdleMinutes: idle,
      allowedInviteDomains: ["acme.example", "partner.example"],
    });
    expect(await verifyAuditChain(db, teamId)).toMatchObject({ valid: true });

    // Sending the same values again changes nothing and records nothing.
    await manager.settings.updateSecurity({
      teamId,
      sessionIdleMinutes: idle,
      allowedInviteDomains: "acme.example, partner.example",
    });
    expect(await settingsEvents(teamId)).toHaveLength(eventsBefore + 1);
  });
});
