import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, teams } from "@/db/schema";
import { checkAuditIntegrity } from "../audit/anchor-verify";
import { runPurgeJob } from "../billing/purge-job";
import { runSubscriptionJob } from "../billing/renewal-job";
import { teamWithContract } from "../billing/test-support";
import { fixedClock, systemClock } from "../clock";
import { DEMO_PASSWORD } from "../demo/seed";
import { callerForEmail } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { signInWithPassword } from "../testing/sign-in";
import { PURGE_LIST_NAME, purgeListAt, readPurgeList } from "./purge-list";
import { restoreBackup } from "./restore-backup";
import { tableDigests } from "./table-digest";
import { takeBackup } from "./take-backup";
import { seededTestTarget, type TestTarget } from "./test-target";

// Backing up and restoring a whole database takes seconds, more on two busy cores.
const SLOW = 120_000;

let subject: TestTarget;
let purgeList: string;
beforeAll(async () => {
  subject = await seededTestTarget();
  purgeList = path.join(subject.directory, PURGE_LIST_NAME);
});
afterAll(async () => {
  await subject?.remove();
});

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await subject.open();
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function backUp(): Promise<string> {
  const { file } = await takeBackup(subject.target, { out: subject.directory, clock: systemClock });
  return file;
}

/** Renames a team, invites a member, adds a group, changes a subscription; returns a team ended long ago. */
async function changeTheDemo(db: Database): Promise<string> {
  const owner = await callerForEmail(db, "owner@acme.example");
  const teamId = await demoTeamId(db, "Acme Corp");
  await owner.teams.rename({ teamId, name: "Acme Corporation" });
  await owner.invitations.invite({
    teamId,
    emails: ["new.hire@acme.example"],
    role: "member",
    licensed: true,
    groupIds: [],
  });
  await owner.groups.create({ teamId, name: "Night shift" });
  const preview = await owner.subscription.previewChange({ teamId, change: { extraStorageGb: 10 } });
  await owner.subscription.confirmChange({
    teamId,
    change: { extraStorageGb: 10 },
    idempotencyKey: preview.idempotencyKey,
    expectedVersion: preview.version,
    expectedTotalCents: preview.quote.totalCents,
  });
  const ended = await teamWithContract(db, { at: "2025-01-01T00:00:00Z", trial: true });
  await runSubscriptionJob(db, fixedClock("2025-01-20T00:00:00Z"));
  return ended.teamId;
}

describe("backup and restore", () => {
  let before: Record<string, string>;
  let file: string;
  let endedTeamId: string;

  it(
    "restores a changed demo into an empty database, every audit chain ending at the manifest's head",
    async () => {
      before = await withDatabase(async (db) => {
        endedTeamId = await changeTheDemo(db);
        return tableDigests(db);
      });
      file = await backUp();
      await subject.wipe();

      const report = await restoreBackup(file, subject.target, { clock: systemClock, purgeLists: [purgeList] });

      expect(report.chains.problems).toEqual([]);
      expect(report.chains.chains).toBe(report.manifest.auditChainHeads.length);
      expect(report.keyProblems).toEqual([]);
      expect(report.purgedAgain).toEqual([]);
    },
    SLOW,
  );

  it("refuses to restore into a database that holds data", async () => {
    const refusal = restoreBackup(file, subject.target, { clock: systemClock, purgeLists: [purgeList] });
    await expect(refusal).rejects.toThrow(/restored only (into an empty database|where there is none)/);
  });

  it(
    "gives back the same rows (the refused restore changed none), and the demo owner signs in",
    async () => {
      await withDatabase(async (db) => {
        expect(await tableDigests(db)).toEqual(before);
        const [renamed] = await db.select().from(teams).where(eq(teams.name, "Acme Corporation"));
        expect((await checkAuditIntegrity(db, renamed!.id)).intact).toBe(true);
        const ctx = {
          clock: systemClock,
          request: { requestId: "req-restored-01", ip: "198.51.100.7", userAgent: "test" },
        };
        const signedIn = await signInWithPassword(db, ctx, { email: "owner@acme.example", password: DEMO_PASSWORD });
        expect(signedIn).not.toBeNull();
      });
    },
    SLOW,
  );

  it(
    "keeps a team purged after the backup purged when that backup is restored",
    async () => {
      await withDatabase(async (db) => {
        await runPurgeJob(db, fixedClock("2025-03-15T00:00:00Z"), { purgeList: purgeListAt(purgeList) });
        const [team] = await db.select().from(teams).where(eq(teams.id, endedTeamId));
        expect(team?.status).toBe("purged");
      });
      expect((await readPurgeList(purgeList)).entries.map((entry) => entry.teamId)).toEqual([endedTeamId]);
      await subject.wipe();

      const report = await restoreBackup(file, subject.target, { clock: systemClock, purgeLists: [purgeList] });

      expect(report.chains.problems).toEqual([]);
      expect(report.purgedAgain.map((team) => team.teamId)).toEqual([endedTeamId]);
      await withDatabase(async (db) => {
        const [team] = await db.select().from(teams).where(eq(teams.id, endedTeamId));
        expect(team?.status).toBe("purged");
        expect(await db.select().from(memberships).where(eq(memberships.teamId, endedTeamId))).toEqual([]);
        expect((await checkAuditIntegrity(db, endedTeamId)).intact).toBe(true);
      });
    },
    SLOW,
  );

  it("refuses a file that is not a backup, saying so", async () => {
    const notABackup = path.join(subject.directory, "notes.tar");
    fs.writeFileSync(notABackup, "just some text, not a tar file at all".repeat(40));
    await expect(restoreBackup(notABackup, subject.target, { clock: systemClock, purgeLists: [] })).rejects.toThrow(
      /not a backup archive/,
    );
  });
});
