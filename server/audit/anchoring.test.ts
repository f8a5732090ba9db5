import { randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditAnchors, auditEvents, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { noRequest, systemActor } from "../actor";
import { fixedClock } from "../clock";
import { auditSigningKeyRing } from "../crypto/key-ring";
import { anchorTeamHead } from "./anchor-head";
import { runAnchorJob } from "./anchor-job";
import { parseSigningKeyRing } from "./anchor-keys";
import { checkAuditIntegrity } from "./anchor-verify";
import { recordAudit } from "./record-audit";
import { auditVerifyCommand } from "./verify-command";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const HOUR = 60 * 60 * 1000;
const newSeed = () => randomBytes(32).toString("base64");

async function teamWithEvents(name: string, count: number): Promise<string> {
  const [team] = await db().insert(teams).values({ name, product: "filemaker_cloud" }).returning();
  await appendEvents(team!.id, count);
  return team!.id;
}

async function appendEvents(teamId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db().transaction((tx) =>
      recordAudit(tx, {
        teamId,
        actor: systemActor("Tests"),
        occurredAt: new Date(),
        request: noRequest,
        action: "test.event",
        after: { i },
      }),
    );
  }
}

const anchorsOf = (teamId: string) =>
  db().select().from(auditAnchors).where(eq(auditAnchors.teamId, teamId)).orderBy(auditAnchors.seq);

describe("anchoring the audit chain", () => {
  it("passes an intact chain and names the signed head", async () => {
    const teamId = await teamWithEvents("Intact", 3);
    const anchor = await anchorTeamHead(db(), { teamId, now: new Date("2026-03-01T10:00:00Z"), anchoredBy: "tests" });
    expect(anchor).toMatchObject({ seq: 3, keyId: "atest", anchoredBy: "tests" });
    expect(await checkAuditIntegrity(db(), teamId)).toEqual({
      intact: true,
      events: 3,
      anchor: { seq: 3, signedAt: new Date("2026-03-01T10:00:00Z") },
      anchors: 1,
    });
    expect(await auditVerifyCommand(db(), ["--team", teamId])).toEqual({
      status: 0,
      message:
        "Intact: intact up to event 3, event 3 signed at 2026-03-01T10:00:00.000Z (3 events and 1 signed head checked).",
    });
  });

  it("detects the newest events deleted after an anchor, which the hash chain alone cannot", async () => {
    const teamId = await teamWithEvents("Truncated", 5);
    await anchorTeamHead(db(), { teamId, now: new Date("2026-03-01T10:00:00Z"), anchoredBy: "tests" });
    await db()
      .delete(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), gt(auditEvents.seq, 3)));

    const report = await checkAuditIntegrity(db(), teamId);
    expect(report).toMatchObject({ intact: false, events: 3, brokenAt: 4 });
    expect(report.intact === false && report.problem).toBe(
      "Event 5 was anchored (signed at 2026-03-01T10:00:00.000Z) but the log now ends at event 3: events 4 to 5 were deleted.",
    );
    const outcome = await auditVerifyCommand(db(), ["--team", teamId]);
    expect(outcome.status).toBe(1);
    expect(outcome.message).toMatch(/^Truncated: the audit log is broken at event 4\. Event 5 was anchored/);
  });

  it("detects deleted events replaced by new ones up to the anchored number", async () => {
    const teamId = await teamWithEvents("Replaced", 4);
    await anchorTeamHead(db(), { teamId, now: new Date("2026-03-01T10:00:00Z"), anchoredBy: "tests" });
    await db()
      .delete(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), gt(auditEvents.seq, 2)));
    await appendEvents(teamId, 2);
    const report = await checkAuditIntegrity(db(), teamId);
    expect(report).toMatchObject({ intact: false, brokenAt: 4 });
    expect(report.intact === false && report.problem).toMatch(/^Event 4 differs from the one anchored/);
  });

  it("detects a forged signature, an anchor moved to hide deleted events, and an unknown key", async () => {
    const teamId = await teamWithEvents("Forged", 5);
    const anchor = (await anchorTeamHead(db(), {
      teamId,
      now: new Date("2026-03-01T10:00:00Z"),
      anchoredBy: "tests",
    }))!;
    // Signed by a key of the same id that is not ours.
    const impostor = parseSigningKeyRing(`atest:${newSeed()}`);
    const other = await teamWithEvents("Impostor", 5);
    const forged = (await anchorTeamHead(
      db(),
      { teamId: other, now: anchor.signedAt, anchoredBy: "tests" },
      impostor,
    ))!;
    const report = await checkAuditIntegrity(db(), other);
    expect(report).toMatchObject({ intact: false, brokenAt: 5 });
    expect(report.intact === false && report.problem).toBe(
      `The anchor of event 5 (signed at 2026-03-01T10:00:00.000Z) has an invalid signature: it was altered or forged.`,
    );
    expect(forged.signature).not.toBe(anchor.signature);

    // Whoever deletes events 4 and 5 and moves the anchor back to event 3 breaks its signature.
    const [third] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.seq, 3)));
    await db()
      .delete(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), gt(auditEvents.seq, 3)));
    await db().update(auditAnchors).set({ seq: 3, headHash: third!.hash }).where(eq(auditAnchors.id, anchor.id));
    expect(await checkAuditIntegrity(db(), teamId)).toMatchObject({
      intact: false,
      brokenAt: 3,
      problem: expect.stringMatching(/invalid signature/),
    });

    await db().update(auditAnchors).set({ keyId: "gone" }).where(eq(auditAnchors.id, anchor.id));
    expect(await checkAuditIntegrity(db(), teamId)).toMatchObject({
      intact: false,
      problem: expect.stringContaining('names signing key "gone", which is not in AUDIT_SIGNING_KEYS'),
    });
  });

  it("says where the hash chain itself breaks", async () => {
    const teamId = await teamWithEvents("Edited", 3);
    await db().execute(sql`update audit_events set action = 'innocent' where team_id = ${teamId} and seq = 2`);
    expect(await checkAuditIntegrity(db(), teamId)).toMatchObject({
      intact: false,
      brokenAt: 2,
      problem: "Event 2 content does not match its hash.",
    });
  });

  it("keeps old anchors valid after a rotation: the first key signs, all verify", async () => {
    const teamId = await teamWithEvents("Rotated", 2);
    await anchorTeamHead(db(), { teamId, now: new Date("2026-03-01T10:00:00Z"), anchoredBy: "tests" });
    await appendEvents(teamId, 1);
    const rotated = parseSigningKeyRing(`anext:${newSeed()},atest:${process.env.AUDIT_SIGNING_KEYS!.split(":")[1]}`);
    await anchorTeamHead(db(), { teamId, now: new Date("2026-03-01T11:00:00Z"), anchoredBy: "tests" }, rotated);
    expect((await anchorsOf(teamId)).map((a) => a.keyId)).toEqual(["atest", "anext"]);
    expect(await checkAuditIntegrity(db(), teamId, rotated)).toMatchObject({ intact: true, events: 3, anchors: 2 });
    // The ring without the new key cannot vouch for what it signed.
    expect(await checkAuditIntegrity(db(), teamId, auditSigningKeyRing())).toMatchObject({
      intact: false,
      brokenAt: 3,
    });
  });
});

describe("the hourly anchoring job", () => {
  it("signs each grown chain once an hour, once however many servers run it", async () => {
    const teamId = await teamWithEvents("Hourly", 2);
    const quiet = await teamWithEvents("Quiet", 0);
    const clock = fixedClock("2030-01-01T09:00:00Z");
    await Promise.all([runAnchorJob(db(), clock), runAnchorJob(db(), clock), runAnchorJob(db(), clock)]);
    expect((await anchorsOf(teamId)).map((a) => a.seq)).toEqual([2]);
    expect(await anchorsOf(quiet)).toEqual([]);

    await appendEvents(teamId, 1);
    clock.advance(HOUR - 1000);
    await runAnchorJob(db(), clock);
    expect((await anchorsOf(teamId)).map((a) => a.seq)).toEqual([2]);
    clock.advance(1000);
    await runAnchorJob(db(), clock);
    const anchors = await anchorsOf(teamId);
    expect(anchors.map((a) => a.seq)).toEqual([2, 3]);
    expect(anchors[1]).toMatchObject({ anchoredBy: "Hourly anchoring", signedAt: new Date("2030-01-01T10:00:00Z") });

    // A chain that did not grow is not signed again.
    clock.advance(3 * HOUR);
    await runAnchorJob(db(), clock);
    expect(await anchorsOf(teamId)).toHaveLength(2);
  });
});

describe("npm run audit:verify", () => {
  it("explains its use and refuses an unknown team", async () => {
    expect(await auditVerifyCommand(db(), [])).toMatchObject({
      status: 2,
      message: expect.stringMatching(/^Usage: npm run audit:verify -- --team <team id>/),
    });
    expect(await auditVerifyCommand(db(), ["--team", "acme"])).toMatchObject({ status: 2 });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await auditVerifyCommand(db(), ["--team", missing])).toEqual({
      status: 2,
      message: `No team ${missing} in this database.`,
    });
  });
});

describe("AUDIT_SIGNING_KEYS", () => {
  it.each([
    ["an empty value", "", "AUDIT_SIGNING_KEYS holds no key"],
    ["an entry without a key", "a1", 'AUDIT_SIGNING_KEYS: entry 1 is not "keyid:base64key"'],
    [
      "a 16-byte seed",
      `a1:${randomBytes(16).toString("base64")}`,
      'AUDIT_SIGNING_KEYS: key "a1" must be a 32-byte Ed25519 seed, base64-encoded',
    ],
    ["a key id used twice", `a1:${newSeed()},a1:${newSeed()}`, 'AUDIT_SIGNING_KEYS: key id "a1" appears twice'],
  ])("refuses %s, saying what is wrong", (_name, spec, message) => {
    expect(() => parseSigningKeyRing(spec)).toThrow(message);
  });
});
