import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accounts, apiTokens } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { mailsTo } from "../billing/test-support";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { runApiKeyExpiryNoticeJob } from "./expiry-notices-job";

const database = setUpTestDatabase();
const db = (): Database => database.handle.db;
const createdAt = new Date("2026-05-04T10:00:00Z");
const at = (daysAfterCreation: number, extraMs = 0) =>
  fixedClock(new Date(createdAt.getTime() + daysAfterCreation * DAY_MS + extraMs));
let acmeId: string;

beforeAll(async () => {
  acmeId = await demoTeamId(db(), "Acme Corp");
});

async function keyBy(email: string, name: string, expiresInDays = 30) {
  const api = createCaller(contextFor(db(), await accountActor(db(), email), { clock: at(0) }));
  return api.apiKeys.create({ teamId: acmeId, name, expiresInDays, scopes: ["team.read"] });
}

const remindersTo = async (email: string, keyName: string) =>
  (await mailsTo(db(), email)).filter((mail) => mail.subject.includes(keyName));

/** Runs the job as `servers` app servers would at the same moment (concurrently on PostgreSQL). */
const onServers = (servers: number, run: () => Promise<unknown>) => Promise.all(Array.from({ length: servers }, run));

describe("the API key expiry reminder", () => {
  it(raceTest("mails the creator 14 days before expiry, once however many servers run it"), async () => {
    const key = await keyBy("manager@acme.example", "Warehouse sync");
    // 30-day key: the reminder is due on day 16.
    await runApiKeyExpiryNoticeJob(db(), at(16, -1000));
    expect(await remindersTo("manager@acme.example", "Warehouse sync")).toHaveLength(0);

    await onServers(3, () => runApiKeyExpiryNoticeJob(db(), at(16)));
    const sent = await remindersTo("manager@acme.example", "Warehouse sync");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Acme Corp: the API key Warehouse sync expires on June 3, 2026");
    expect(sent[0]!.text).toContain(`The API key "Warehouse sync" (${key.prefix}…) that you created for Acme Corp`);
    expect(sent[0]!.text).toContain(`/teams/${acmeId}/settings/api-keys`);
    expect(sent[0]!.text).not.toContain(key.secret);
    expect(sent[0]!.teamId).toBe(acmeId);
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, key.id));
    expect(row!.expiryNoticeSentAt?.toISOString()).toBe(at(16).now().toISOString());

    await runApiKeyExpiryNoticeJob(db(), at(20));
    await runApiKeyExpiryNoticeJob(db(), at(29));
    expect(await remindersTo("manager@acme.example", "Warehouse sync")).toHaveLength(1);
  });

  it("writes in the creator's language", async () => {
    await db().update(accounts).set({ language: "nl" }).where(eq(accounts.email, "it@acme.example"));
    await keyBy("it@acme.example", "Boekhouding");
    await runApiKeyExpiryNoticeJob(db(), at(17));
    const [mail] = await remindersTo("it@acme.example", "Boekhouding");
    expect(mail!.subject).toBe("Acme Corp: de API-sleutel Boekhouding verloopt op 3 juni 2026");
    await db().update(accounts).set({ language: "en" }).where(eq(accounts.email, "it@acme.example"));
  });

  it("says nothing about revoked or expired keys, nor about keys far from expiry", async () => {
    const revoked = await keyBy("manager@acme.example", "Revoked integration");
    const api = createCaller(contextFor(db(), await accountActor(db(), "manager@acme.example"), { clock: at(1) }));
    await api.apiKeys.revoke({ teamId: acmeId, apiKeyId: revoked.id });
    await keyBy("manager@acme.example", "Long-lived integration", 365);
    const expired = await keyBy("manager@acme.example", "Expired integration");

    // The job did not run while the expired key was in its last two weeks.
    const { sent } = await runApiKeyExpiryNoticeJob(db(), at(31));
    expect(sent).toBe(0);
    for (const name of ["Revoked integration", "Long-lived integration", "Expired integration"]) {
      expect(await remindersTo("manager@acme.example", name)).toHaveLength(0);
    }
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, expired.id));
    expect(row!.expiryNoticeSentAt).toBeNull();
  });

  it("marks a key whose creator's account is gone without mailing anyone", async () => {
    const key = await keyBy("owner@acme.example", "Orphaned integration", 60);
    await db().update(apiTokens).set({ createdByAccountId: null }).where(eq(apiTokens.id, key.id));
    expect(await runApiKeyExpiryNoticeJob(db(), at(47))).toEqual({ sent: 0 });
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, key.id));
    expect(row!.expiryNoticeSentAt).not.toBeNull();
  });
});
