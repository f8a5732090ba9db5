import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import * as schema from "@/db/schema";
import {
  accounts,
  apiIdempotencyKeys,
  apiTokens,
  auditEvents,
  billingNotices,
  hosts,
  identityProviders,
  invitations,
  invoices,
  mailOutbox,
  memberships,
  subscriptions,
  teams,
} from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { noRequest, systemActor } from "../actor";
import { verifyAuditChain } from "../audit/verify-chain";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { cancelSubscription } from "./cancel-subscription";
import { recordPayment } from "./invoices";
import { runNoticeJob } from "./notices-job";
import { KEPT_TABLE_NAMES, PURGED_TABLE_NAMES, runPurgeJob } from "./purge-job";
import { previewRenewal, renewSubscription } from "./renew-subscription";
import { runSubscriptionJob } from "./renewal-job";
import { auditActions, invoicesOf, mailsTo, refusalOf, subscriptionOf, teamOf, teamWithContract } from "./test-support";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const at = (iso: string | Date) => fixedClock(iso);

/** Runs a job as `servers` app servers would at the same moment (concurrently on PostgreSQL). */
async function onServers<T>(servers: number, run: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: servers }, run));
}

describe("the renewal job", () => {
  it(raceTest("renews at the period end with a new invoice, once however many servers run it"), async () => {
    const team = await teamWithContract(db(), { at: "2025-01-31T09:00:00Z", billingPeriod: "monthly", seats: 10 });
    // A day before the end nothing happens.
    await runSubscriptionJob(db(), at("2025-02-27T09:00:00Z"));
    expect((await subscriptionOf(db(), team.teamId)).currentPeriodEnd.toISOString()).toBe("2025-02-28T09:00:00.000Z");

    const results = await onServers(3, () => runSubscriptionJob(db(), at("2025-02-28T09:00:01Z")));
    expect(results.reduce((n, r) => n + r.renewed, 0)).toBe(1);
    await runSubscriptionJob(db(), at("2025-02-28T10:00:00Z"));

    const after = await subscriptionOf(db(), team.teamId);
    expect(after.currentPeriodStart.toISOString()).toBe("2025-02-28T09:00:00.000Z");
    // Anchored on the 31st: back to the 31st in March.
    expect(after.currentPeriodEnd.toISOString()).toBe("2025-03-31T09:00:00.000Z");
    const renewals = (await invoicesOf(db(), team.teamId)).filter((i) => i.idempotencyKey?.startsWith("renewal:"));
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ totalCents: 10 * 3_900, status: "open" });
    expect(renewals[0]!.periodEnd.toISOString()).toBe("2025-03-31T09:00:00.000Z");
    expect((await auditActions(db(), team.teamId)).filter((a) => a === "subscription.renewed")).toHaveLength(1);
    expect((await mailsTo(db(), team.owner.email)).filter((m) => m.subject.includes("renewed"))).toHaveLength(1);
  });

  it("catches up one invoice per period after the job was down", async () => {
    const team = await teamWithContract(db(), {
      at: "2025-01-15T00:00:00Z",
      billingPeriod: "monthly",
      seats: 5,
      planCode: "fmc-essentials",
    });
    await recordPayment(
      db(),
      { ...team.ctx, actor: systemActor("Tests") },
      { teamId: team.teamId, invoiceId: (await invoicesOf(db(), team.teamId))[0]!.id },
    );
    // Pay as it goes, so nothing becomes overdue.
    const clock = at("2025-04-20T00:00:00Z");
    const result = await runSubscriptionJob(db(), clock);
    expect(result.renewed).toBe(3);
    expect((await subscriptionOf(db(), team.teamId)).currentPeriodEnd.toISOString()).toBe("2025-05-15T00:00:00.000Z");
  });

  it(
    raceTest("ends a cancelled subscription instead: the team is terminated, hosts stop, the owner is told"),
    async () => {
      const team = await teamWithContract(db(), { at: "2025-03-01T00:00:00Z", billingPeriod: "monthly", seats: 10 });
      const [host] = await db()
        .insert(hosts)
        .values({
          teamId: team.teamId,
          name: "Main",
          hostname: `h-${randomBytes(4).toString("hex")}.fmcloud.example`,
          region: "eu",
          computeSize: "medium",
          filemakerVersion: "2025.2.1",
          status: "running",
          adminApiUrl: "https://admin.fmcloud.example",
          adminUser: "admin",
          adminPasswordEncrypted: "v1.unused.unused.unused",
        })
        .returning();
      team.clock.set("2025-03-20T00:00:00Z");
      await cancelSubscription(db(), team.ctx, { teamId: team.teamId, expectedVersion: 1, reason: "Too expensive" });

      await onServers(2, () => runSubscriptionJob(db(), at("2025-04-01T00:05:00Z")));
      const teamRow = await teamOf(db(), team.teamId);
      expect(teamRow).toMatchObject({ status: "terminated" });
      expect(teamRow.terminatedAt?.toISOString()).toBe("2025-04-01T00:00:00.000Z"); // the period end, not the job's time
      expect(await subscriptionOf(db(), team.teamId)).toMatchObject({ status: "cancelled" });
      expect((await db().select().from(hosts).where(eq(hosts.id, host!.id)))[0]!.status).toBe("stopped");
      expect(
        (await invoicesOf(db(), team.teamId)).filter((i) => i.idempotencyKey?.startsWith("renewal:")),
      ).toHaveLength(0);
      expect((await auditActions(db(), team.teamId)).filter((a) => a === "team.terminated")).toHaveLength(1);
      const terminatedMails = (await mailsTo(db(), team.owner.email)).filter((m) =>
        m.subject.includes("45 days to download"),
      );
      expect(terminatedMails).toHaveLength(1);
      expect(terminatedMails[0]!.text).toContain("until May 16, 2025");

      // Every page now shows the banner with the days left.
      const api = createCaller(
        contextFor(db(), await accountActor(db(), team.owner.email), { clock: at("2025-04-11T12:00:00Z") }),
      );
      expect(await api.subscription.retention({ teamId: team.teamId })).toMatchObject({ daysLeft: 35 });
    },
  );

  it("ends a trial nobody paid for, and an unpaid subscription at its end", async () => {
    const trial = await teamWithContract(db(), {
      at: "2025-05-01T00:00:00Z",
      trial: true,
      planCode: "fmc-essentials",
      seats: 5,
    });
    const unpaid = await teamWithContract(db(), { at: "2025-05-01T00:00:00Z", billingPeriod: "monthly", seats: 10 });

    // The opening invoice is due after 30 days: on 31 May the unpaid contract is past due.
    await runSubscriptionJob(db(), at("2025-05-31T00:00:01Z"));
    expect(await teamOf(db(), trial.teamId)).toMatchObject({ status: "terminated" }); // 14-day trial ended on 15 May
    expect(await subscriptionOf(db(), trial.teamId)).toMatchObject({ status: "expired" });
    expect(await subscriptionOf(db(), unpaid.teamId)).toMatchObject({ status: "past_due" });
    expect(await teamOf(db(), unpaid.teamId)).toMatchObject({ status: "past_due" });

    await runSubscriptionJob(db(), at("2025-06-01T00:00:01Z"));
    expect(await subscriptionOf(db(), unpaid.teamId)).toMatchObject({ status: "expired" });
    expect(await teamOf(db(), unpaid.teamId)).toMatchObject({ status: "terminated" });
  });

  it("brings a past-due subscription back when the overdue invoice is paid", async () => {
    const team = await teamWithContract(db(), { at: "2025-05-01T00:00:00Z", billingPeriod: "annual", seats: 10 });
    await runSubscriptionJob(db(), at("2025-06-05T00:00:00Z"));
    expect(await subscriptionOf(db(), team.teamId)).toMatchObject({ status: "past_due" });
    const [opening] = await invoicesOf(db(), team.teamId);
    await recordPayment(
      db(),
      { actor: systemActor("Payment provider"), clock: at("2025-06-06T00:00:00Z"), request: noRequest },
      { teamId: team.teamId, invoiceId: opening!.id },
    );
    expect(await subscriptionOf(db(), team.teamId)).toMatchObject({ status: "active" });
    expect(await teamOf(db(), team.teamId)).toMatchObject({ status: "active" });
  });
});

describe("renewing within the 45 days", () => {
  it(raceTest("restores the terminated team with a new period and invoice, once per key"), async () => {
    const team = await teamWithContract(db(), { at: "2025-03-01T00:00:00Z", billingPeriod: "monthly", seats: 10 });
    await cancelSubscription(db(), team.ctx, { teamId: team.teamId, expectedVersion: 1 });
    await runSubscriptionJob(db(), at("2025-04-01T00:00:00Z"));
    expect(await teamOf(db(), team.teamId)).toMatchObject({ status: "terminated" });

    team.clock.set("2025-04-20T00:00:00Z");
    const shown = await previewRenewal(db(), team.ctx, team.teamId);
    expect(shown.quote.totalCents).toBe(10 * 3_900);
    const input = {
      teamId: team.teamId,
      idempotencyKey: shown.idempotencyKey,
      expectedVersion: shown.version,
      expectedTotalCents: shown.quote.totalCents,
    };
    const [first, second] = await Promise.all([
      renewSubscription(db(), team.ctx, input),
      renewSubscription(db(), team.ctx, input),
    ]);
    expect(first.invoice.id).toBe(second.invoice.id);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);

    expect(await teamOf(db(), team.teamId)).toMatchObject({ status: "active", terminatedAt: null });
    const after = await subscriptionOf(db(), team.teamId);
    expect(after).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    expect(after.currentPeriodEnd.toISOString()).toBe("2025-05-20T00:00:00.000Z");

    // Nothing is purged later.
    await runPurgeJob(db(), at("2025-06-01T00:00:00Z"));
    expect(await teamOf(db(), team.teamId)).toMatchObject({ status: "active" });
  });

  it("is refused while the subscription still runs, and once the 45 days have passed", async () => {
    const running = await teamWithContract(db(), { at: "2025-03-01T00:00:00Z" });
    expect((await refusalOf(previewRenewal(db(), running.ctx, running.teamId))).code).toBe("SUBSCRIPTION_STATE");

    const team = await teamWithContract(db(), { at: "2025-03-01T00:00:00Z", billingPeriod: "monthly" });
    await cancelSubscription(db(), team.ctx, { teamId: team.teamId, expectedVersion: 1 });
    await runSubscriptionJob(db(), at("2025-04-01T00:00:00Z"));
    team.clock.set(new Date(Date.parse("2025-04-01T00:00:00Z") + 45 * DAY_MS));
    const error = await refusalOf(previewRenewal(db(), team.ctx, team.teamId));
    expect(error.message).toBe("The 45 days to renew have passed; the team's data is being deleted.");
  });
});

describe("the 45-day purge", () => {
  let acmeCorp: string;
  let terminatedAt: Date;
  let ownerEmail: string;
  let apiKeyId: string;

  beforeAll(async () => {
    // The demo's Acme Corp, with everything a team has, plus an invitation, an identity provider and an API key that made a call.
    const [team] = await db().select().from(teams).where(eq(teams.name, "Acme Corp"));
    acmeCorp = team!.id;
    ownerEmail = "owner@acme.example";
    const now = new Date();
    await db()
      .insert(invitations)
      .values({
        teamId: acmeCorp,
        email: "new.hire@acme.example",
        tokenHash: randomBytes(16).toString("hex"),
        createdAt: now,
        expiresAt: new Date(now.getTime() + 7 * DAY_MS),
      });
    await db().insert(identityProviders).values({
      teamId: acmeCorp,
      kind: "oidc",
      name: "Acme Okta",
      issuer: "https://sso.acme.example",
      clientId: "console",
    });
    const [key] = await db()
      .insert(apiTokens)
      .values({
        teamId: acmeCorp,
        name: "Acme ERP",
        prefix: "cc_purgekey",
        tokenHash: randomBytes(32).toString("hex"),
        permissions: ["members.read"],
        createdAt: now,
        expiresAt: new Date(now.getTime() + 365 * DAY_MS),
      })
      .returning({ id: apiTokens.id });
    apiKeyId = key!.id;
    await db()
      .insert(apiIdempotencyKeys)
      .values({ apiTokenId: apiKeyId, key: "erp-call-1", requestHash: "0".repeat(64), createdAt: now });

    const owner = await accountActor(db(), ownerEmail);
    const subscription = await subscriptionOf(db(), acmeCorp);
    await cancelSubscription(
      db(),
      { actor: owner, clock: at(now), request: noRequest },
      { teamId: acmeCorp, expectedVersion: subscription.version, reason: "Test" },
    );
    await runSubscriptionJob(db(), at(new Date(subscription.currentPeriodEnd.getTime() + 1000)));
    const row = await teamOf(db(), acmeCorp);
    expect(row.status).toBe("terminated");
    terminatedAt = row.terminatedAt!;
  });

  const contentCounts = async () => {
    const tables = {
      hosts: schema.hosts,
      customApps: schema.customApps,
      groups: schema.groups,
      groupMemberships: schema.groupMemberships,
      memberships,
      invitations,
      identityProviders,
      apiTokens,
      teamSettings: schema.teamSettings,
      customAppGroups: schema.customAppGroups,
    };
    const counts: Record<string, number> = {};
    for (const [name, table] of Object.entries(tables)) {
      counts[name] = (await db().select({ n: count() }).from(table).where(eq(table.teamId, acmeCorp)))[0]!.n;
    }
    return counts;
  };

  it(raceTest("warns the owner a week before, on that day and once"), async () => {
    const warnings = async () => (await mailsTo(db(), ownerEmail)).filter((m) => m.subject.includes("will be deleted"));
    await onServers(2, () => runNoticeJob(db(), at(new Date(terminatedAt.getTime() + 37 * DAY_MS))));
    await runNoticeJob(db(), at(new Date(terminatedAt.getTime() + 38 * DAY_MS - 1000)));
    expect(await warnings()).toHaveLength(0);

    // Right on the day: one warning, however many servers run the job.
    await onServers(3, () => runNoticeJob(db(), at(new Date(terminatedAt.getTime() + 38 * DAY_MS))));
    const sent = await warnings();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("in 7 days");
    expect(sent[0]!.createdAt.getTime()).toBe(terminatedAt.getTime() + 38 * DAY_MS);

    await runNoticeJob(db(), at(new Date(terminatedAt.getTime() + 40 * DAY_MS)));
    expect(await warnings()).toHaveLength(1);
  });

  it("deletes nothing on day 44", async () => {
    const before = await contentCounts();
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    // (Other teams of this test database, terminated long before, may be purged by this run.)
    await runPurgeJob(db(), at(new Date(terminatedAt.getTime() + 44 * DAY_MS)));
    expect(await contentCounts()).toEqual(before);
    expect(await teamOf(db(), acmeCorp)).toMatchObject({ status: "terminated" });
    const api = createCaller(
      contextFor(db(), await accountActor(db(), ownerEmail), {
        clock: at(new Date(terminatedAt.getTime() + 44 * DAY_MS)),
      }),
    );
    expect(await api.subscription.retention({ teamId: acmeCorp })).toMatchObject({ daysLeft: 1 });
  });

  it(
    raceTest("deletes all customer content on day 45, keeps the platform record and a final audit entry"),
    async () => {
      const auditBefore = (await verifyAuditChain(db(), acmeCorp)).events;
      expect(
        (await db().select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.teamId, acmeCorp)))[0]!.n,
      ).toBeGreaterThan(0);
      const before = await contentCounts();
      // A second before the 45 days are up, nothing goes.
      await runPurgeJob(db(), at(new Date(terminatedAt.getTime() + 45 * DAY_MS - 1000)));
      expect(await contentCounts()).toEqual(before);
      expect(await teamOf(db(), acmeCorp)).toMatchObject({ status: "terminated", purgedAt: null });

      const dayFortyFive = new Date(terminatedAt.getTime() + 45 * DAY_MS);
      await onServers(3, () => runPurgeJob(db(), at(dayFortyFive)));

      const counts = await contentCounts();
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      // An API key's replayable responses go with it.
      expect(await db().select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.apiTokenId, apiKeyId))).toEqual(
        [],
      );
      const team = await teamOf(db(), acmeCorp);
      expect(team).toMatchObject({ status: "purged", name: "Acme Corp" });
      expect(team.purgedAt?.toISOString()).toBe(dayFortyFive.toISOString());
      expect(await subscriptionOf(db(), acmeCorp)).toMatchObject({ cancelReason: null, paymentMethodId: null });
      expect(
        (await db().select({ n: count() }).from(invoices).where(eq(invoices.teamId, acmeCorp)))[0]!.n,
      ).toBeGreaterThan(0);

      // A later run finds nothing more to do.
      await runPurgeJob(db(), at(new Date(terminatedAt.getTime() + 46 * DAY_MS)));
      expect((await teamOf(db(), acmeCorp)).purgedAt?.toISOString()).toBe(dayFortyFive.toISOString());

      const chain = await verifyAuditChain(db(), acmeCorp);
      expect(chain).toMatchObject({ valid: true, events: auditBefore + 1 });
      // Nobody is named in what is kept: not in the audit chain, nor in mail.
      const kept = rowsOf<{ row: string }>(
        await db().execute(sql`select t::text as row from audit_events t where team_id = ${acmeCorp}`),
      );
      expect(kept.filter((r) => /@acme\.example|@partner\.example/.test(r.row))).toEqual([]);
      expect((await db().select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.teamId, acmeCorp)))[0]!.n).toBe(0);
      const [last] = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.teamId, acmeCorp), eq(auditEvents.seq, chain.events)));
      expect(last).toMatchObject({ action: "team.purged", actorType: "system", actorLabel: "Retention purge" });
      expect((await auditActions(db(), acmeCorp)).filter((a) => a === "team.purged")).toHaveLength(1);
      expect((last!.after as { deleted: Record<string, number> }).deleted.memberships).toBeGreaterThan(20);

      // Managed accounts become external; people keep their Claris ID.
      expect(
        (await db().select({ n: count() }).from(accounts).where(eq(accounts.managedByTeamId, acmeCorp)))[0]!.n,
      ).toBe(0);
      expect(await db().select().from(accounts).where(eq(accounts.email, "manager@acme.example"))).toHaveLength(1);

      // The team is gone for everyone, owner included.
      const api = createCaller(contextFor(db(), await accountActor(db(), ownerEmail)));
      const error = await api.teams.home({ teamId: acmeCorp }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "NOT_FOUND" });
    },
  );

  it("accounts for every table with a team_id: purged or deliberately kept", async () => {
    const result = await db().execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'team_id' order by table_name`,
    );
    const withTeamId = rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
    const unclassified = withTeamId.filter((t) => !PURGED_TABLE_NAMES.includes(t) && !KEPT_TABLE_NAMES.includes(t));
    expect(
      unclassified,
      "add these tables to PURGED_TEAM_TABLES or KEPT_TEAM_TABLES in server/billing/purge-job.ts",
    ).toEqual([]);
  });
});

describe("notices before renewal and expiry", () => {
  it(raceTest("mails 30, 7 and 1 days before an annual renewal, each once"), async () => {
    const team = await teamWithContract(db(), { at: "2025-01-10T00:00:00Z", billingPeriod: "annual", seats: 10 });
    await recordPayment(
      db(),
      { ...team.ctx, actor: systemActor("Tests") },
      { teamId: team.teamId, invoiceId: (await invoicesOf(db(), team.teamId))[0]!.id },
    );
    const reminders = async () =>
      (await mailsTo(db(), team.owner.email)).filter((m) => m.subject.includes("renews on"));
    const end = Date.parse("2026-01-10T00:00:00Z");

    await runNoticeJob(db(), at(new Date(end - 31 * DAY_MS)));
    expect(await reminders()).toHaveLength(0);
    for (const daysBefore of [30, 29, 20, 8])
      await onServers(2, () => runNoticeJob(db(), at(new Date(end - daysBefore * DAY_MS))));
    expect(await reminders()).toHaveLength(1);
    for (const daysBefore of [7, 6, 2])
      await onServers(2, () => runNoticeJob(db(), at(new Date(end - daysBefore * DAY_MS))));
    expect(await reminders()).toHaveLength(2);
    for (const hoursBefore of [24, 3])
      await onServers(2, () => runNoticeJob(db(), at(new Date(end - hoursBefore * 3_600_000))));
    const mails = await reminders();
    expect(mails).toHaveLength(3);
    expect(mails.map((m) => m.text.match(/in (\d+ days?)/)?.[1])).toEqual(["30 days", "7 days", "1 day"]);
    const recorded = await db().select().from(billingNotices).where(eq(billingNotices.teamId, team.teamId));
    expect(
      recorded
        .map((n) => n.kind)
        .filter((k) => k.startsWith("renewal_"))
        .sort(),
    ).toEqual(["renewal_1", "renewal_30", "renewal_7"]);
  });

  it("skips the 30-day reminder of a monthly renewal, and warns of an end instead when cancelled", async () => {
    const team = await teamWithContract(db(), { at: "2025-01-01T00:00:00Z", billingPeriod: "monthly", seats: 10 });
    await runNoticeJob(db(), at("2025-01-02T00:00:00Z"));
    await runNoticeJob(db(), at("2025-01-25T00:00:00Z"));
    const mails = async () => (await mailsTo(db(), team.owner.email)).map((m) => m.subject);
    expect((await mails()).filter((s) => s.includes("renews on"))).toHaveLength(1);
    team.clock.set("2025-01-26T00:00:00Z");
    await cancelSubscription(db(), team.ctx, {
      teamId: team.teamId,
      expectedVersion: (await subscriptionOf(db(), team.teamId)).version,
    });
    await runNoticeJob(db(), at("2025-01-31T01:00:00Z"));
    expect((await mails()).filter((s) => s.includes("ends on February 1, 2025"))).toHaveLength(2); // the cancellation, then the 1-day reminder
  });

  it("reminds a trial's owner that the trial ends", async () => {
    const team = await teamWithContract(db(), {
      at: "2025-01-01T00:00:00Z",
      trial: true,
      planCode: "fmc-essentials",
      seats: 5,
    });
    await runNoticeJob(db(), at("2025-01-02T00:00:00Z"));
    await runNoticeJob(db(), at("2025-01-09T00:00:00Z"));
    const subjects = (await mailsTo(db(), team.owner.email)).map((m) => m.text);
    expect(subjects.filter((t) => t.includes("The trial of"))).toHaveLength(2);
  });
});

describe("the subscriptions table", () => {
  it("holds no card data columns", async () => {
    const result = await db().execute(
      sql`select column_name from information_schema.columns where table_schema = 'public'`,
    );
    const columns = rowsOf<{ column_name: string }>(result).map((r) => r.column_name);
    expect(columns.filter((c) => /card_number|cvc|cvv|pan\b|expiry_month|exp_month/.test(c))).toEqual([]);
    expect(subscriptions).toBeDefined();
  });
});
