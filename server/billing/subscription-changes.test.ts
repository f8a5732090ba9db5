import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, invoices, paymentMethods, teams } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { systemActor } from "../actor";
import { verifyAuditChain } from "../audit/verify-chain";
import { fixedClock } from "../clock";
import { createHost } from "../hosts/create-host";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { browserCaller, openSupportView, signInDemoSupport } from "../testing/support-session";
import { cancelSubscription, reactivateSubscription } from "./cancel-subscription";
import { containsCardNumber, looksLikeCardNumber } from "./card-data";
import { confirmChange, previewChange, type SubscriptionChange } from "./change-subscription";
import { isoDay } from "./periods";
import {
  auditActions,
  contextAt,
  invoicesOf,
  licenseMembers,
  mailsTo,
  refusalOf,
  subscriptionOf,
  teamWithContract,
} from "./test-support";
import { recordConnectUsage, recordHostUsage } from "./usage";

const database = setUpTestDatabase();
const db = () => database.handle.db;

async function preview(team: Awaited<ReturnType<typeof teamWithContract>>, change: SubscriptionChange) {
  return previewChange(db(), team.ctx, team.teamId, change);
}

async function confirm(
  team: Awaited<ReturnType<typeof teamWithContract>>,
  change: SubscriptionChange,
  shown: { idempotencyKey: string; version: number; quote: { totalCents: number } },
) {
  return confirmChange(db(), team.ctx, {
    teamId: team.teamId,
    idempotencyKey: shown.idempotencyKey,
    expectedVersion: shown.version,
    expectedTotalCents: shown.quote.totalCents,
    change,
  });
}

const changeInvoices = async (teamId: string) =>
  (await invoicesOf(db(), teamId)).filter((i) => i.idempotencyKey !== "opening");

describe("idempotency: a change charges once", () => {
  it("answers a retried confirmation with the first invoice and charges nothing more", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    team.clock.set("2025-04-11T00:00:00Z");
    const shown = await preview(team, { seats: 12 });

    const first = await confirm(team, { seats: 12 }, shown);
    const retry = await confirm(team, { seats: 12 }, shown);
    const third = await confirm(team, { seats: 12 }, shown);

    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(third.invoice.id).toBe(first.invoice.id);
    expect(await changeInvoices(team.teamId)).toHaveLength(1);
    expect((await subscriptionOf(db(), team.teamId)).seats).toBe(12);
    expect((await subscriptionOf(db(), team.teamId)).version).toBe(shown.version + 1);
    expect((await auditActions(db(), team.teamId)).filter((a) => a === "subscription.changed")).toHaveLength(1);
    expect((await mailsTo(db(), team.owner.email)).filter((m) => m.subject.includes("has changed"))).toHaveLength(1);
  });

  it(raceTest("charges once when a double click sends the same confirmation twice at once"), async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    team.clock.set("2025-04-11T00:00:00Z");
    const shown = await preview(team, { seats: 15 });

    // On PostgreSQL these race on separate connections; PGlite runs them one after another.
    const results = await Promise.all(Array.from({ length: 5 }, () => confirm(team, { seats: 15 }, shown)));

    expect(new Set(results.map((r) => r.invoice.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await changeInvoices(team.teamId)).toHaveLength(1);
    expect((await subscriptionOf(db(), team.teamId)).seats).toBe(15);
  });

  it("refuses a key used before for a different change", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    const shown = await preview(team, { seats: 12 });
    await confirm(team, { seats: 12 }, shown);
    const error = await refusalOf(confirm(team, { seats: 20 }, { ...shown, version: shown.version + 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("already used for a different change");
    expect((await subscriptionOf(db(), team.teamId)).seats).toBe(12);
  });

  it("is kept per team: the same key in another team is another change", async () => {
    const a = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    const b = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    const shownA = await preview(a, { seats: 11 });
    const shownB = await preview(b, { seats: 11 });
    await confirm(a, { seats: 11 }, shownA);
    const resultB = await confirm(b, { seats: 11 }, { ...shownB, idempotencyKey: shownA.idempotencyKey });
    expect(resultB.replayed).toBe(false);
  });
});

describe("optimistic concurrency: the second tab gets a conflict", () => {
  it("refuses a change previewed before another tab's change, and keeps the first", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    team.clock.set("2025-04-05T00:00:00Z");
    const tabA = await preview(team, { seats: 14 });
    const tabB = await preview(team, { planCode: "fmc-premium" });
    expect(tabA.version).toBe(tabB.version);

    await confirm(team, { seats: 14 }, tabA);
    const error = await refusalOf(confirm(team, { planCode: "fmc-premium" }, tabB));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "The subscription was changed in another tab or by someone else after you opened it, so your change was not applied. Reload the page to see the current subscription and try again.",
    );
    const after = await subscriptionOf(db(), team.teamId);
    expect(after).toMatchObject({ seats: 14, planCode: "fmc-standard", version: tabA.version + 1 });
    expect(await changeInvoices(team.teamId)).toHaveLength(1);
  });

  it(raceTest("lets exactly one of two simultaneous changes of one version through"), async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    const tabA = await preview(team, { seats: 20 });
    const tabB = await preview(team, { seats: 25 });
    const outcomes = await Promise.allSettled([confirm(team, { seats: 20 }, tabA), confirm(team, { seats: 25 }, tabB)]);

    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect([20, 25]).toContain((await subscriptionOf(db(), team.teamId)).seats);
    expect(await changeInvoices(team.teamId)).toHaveLength(1);
  });

  it("refuses a confirmation whose price is no longer the previewed one", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    team.clock.set("2025-04-05T00:00:00Z");
    const shown = await preview(team, { seats: 12 });
    team.clock.set("2025-04-09T00:00:00Z"); // days later: fewer days left, another price
    const error = await refusalOf(confirm(team, { seats: 12 }, shown));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(
      /^The price is now \$[\d,.]+ instead of the \$[\d,.]+ you saw\. Preview the change again\.$/,
    );
  });
});

describe("refusals below what the team uses", () => {
  const cases: Array<{ name: string; seats: number; licensed: number; to: number; message: string }> = [
    {
      name: "two below",
      seats: 15,
      licensed: 12,
      to: 10,
      message: "12 members are licensed; remove 2 licences or keep 12 seats.",
    },
    {
      name: "one below",
      seats: 10,
      licensed: 6,
      to: 5,
      message: "6 members are licensed; remove 1 licence or keep 6 seats.",
    },
  ];
  it.each(cases)("refuses a seat cut $name, naming what must change first", async (c) => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: c.seats });
    await licenseMembers(db(), team, c.licensed);
    for (const call of [
      () => preview(team, { seats: c.to }),
      () => confirm(team, { seats: c.to }, { idempotencyKey: "k".repeat(20), version: 1, quote: { totalCents: 0 } }),
    ]) {
      const error = await refusalOf(call());
      expect(error.code).toBe("IN_USE");
      expect(error.message).toBe(c.message);
    }
    // Down to exactly what is used is fine.
    const shown = await preview(team, { seats: Math.max(c.licensed, 5) });
    expect(shown.quote.totalCents).toBeLessThan(0);
  });

  it("refuses fewer seats than the plan's minimum", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10, planCode: "fmc-standard" });
    const error = await refusalOf(preview(team, { planCode: "fmc-premium", seats: 8 }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("Premium needs at least 10 seats; choose 10 or more.");
  });

  it("refuses a Claris Connect downgrade below the flows in use", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", planCode: "connect-pro" });
    team.clock.set("2025-04-10T00:00:00Z");
    await recordConnectUsage(db(), { teamId: team.teamId, day: "2025-04-09", activeFlows: 7, requests: 4_000 });
    const error = await refusalOf(preview(team, { planCode: "connect-starter" }));
    expect(error.code).toBe("IN_USE");
    expect(error.message).toBe("7 flows are switched on; Starter allows 3. Switch off 4 flows or keep Pro.");
  });

  it("refuses a downgrade below this month's API requests", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", planCode: "connect-pro" });
    team.clock.set("2025-04-20T00:00:00Z");
    await recordConnectUsage(db(), { teamId: team.teamId, day: "2025-04-19", activeFlows: 2, requests: 23_500 });
    const error = await refusalOf(preview(team, { planCode: "connect-starter" }));
    expect(error.code).toBe("IN_USE");
    expect(error.message).toBe(
      "23,500 API requests were made this month; Starter with these extra requests allows 10,000 a month. Add 20,000 extra requests or keep Pro, or wait until May 1, 2025.",
    );
    // With enough extra requests the downgrade goes through.
    await preview(team, { planCode: "connect-starter", extraRequests: 20_000 });
  });

  it("refuses a FileMaker Cloud downgrade below the storage in use", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", planCode: "fmc-standard" });
    const platform = contextAt(systemActor("Billing tests"), team.clock);
    const host = await createHost(db(), platform, {
      teamId: team.teamId,
      name: "Main",
      hostname: `main-${team.teamId.slice(0, 8)}.fmcloud.example`,
      region: "us-west-2",
      computeSize: "medium",
      filemakerVersion: "2025.2.1",
      status: "running",
      adminApiUrl: "https://admin.fmcloud.example",
      adminUser: "admin",
      adminPassword: "host-admin-password",
    });
    await recordHostUsage(db(), {
      teamId: team.teamId,
      hostId: host.id,
      day: isoDay(team.clock.now()),
      storageBytes: 72_300_000_000,
      dataTransferBytes: 10_000_000_000,
    });
    const error = await refusalOf(preview(team, { planCode: "fmc-essentials" }));
    expect(error.code).toBe("IN_USE");
    expect(error.message).toBe(
      "72.3 GB of storage is in use; Essentials with this extra storage holds 60 GB. Delete 13 GB of data or add 20 GB of extra storage first.",
    );
    await preview(team, { planCode: "fmc-essentials", extraStorageGb: 20 });
  });

  it("refuses add-ons in odd steps and add-ons of the other product", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z" });
    expect((await refusalOf(preview(team, { extraStorageGb: 15 }))).message).toBe(
      "Extra storage comes in steps of 10; choose a multiple of it.",
    );
    expect((await refusalOf(preview(team, { extraRequests: 10_000 }))).message).toBe(
      "Extra API requests is not available for Standard.",
    );
    expect((await refusalOf(preview(team, { seats: 10 }))).message).toBe(
      "Nothing to change: the subscription already has these terms.",
    );
  });
});

describe("cancel and reactivate", () => {
  it("cancels at the end of the period with a reason, and reactivates before it", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    team.clock.set("2025-04-12T00:00:00Z");
    const before = await subscriptionOf(db(), team.teamId);

    const cancelled = await cancelSubscription(db(), team.ctx, {
      teamId: team.teamId,
      expectedVersion: before.version,
      reason: "  Moving to on-premise  ",
    });
    expect(cancelled.endsAt.toISOString()).toBe("2025-05-01T00:00:00.000Z");
    const again = await cancelSubscription(db(), team.ctx, { teamId: team.teamId, expectedVersion: before.version });
    expect(again.version).toBe(cancelled.version); // a double click changes nothing more
    expect(await subscriptionOf(db(), team.teamId)).toMatchObject({
      cancelAtPeriodEnd: true,
      cancelReason: "Moving to on-premise",
      status: "active",
    });

    const reactivated = await reactivateSubscription(db(), team.ctx, {
      teamId: team.teamId,
      expectedVersion: cancelled.version,
    });
    expect(reactivated.renewsAt.toISOString()).toBe("2025-05-01T00:00:00.000Z");
    expect(await subscriptionOf(db(), team.teamId)).toMatchObject({ cancelAtPeriodEnd: false, cancelReason: null });

    expect(await auditActions(db(), team.teamId)).toEqual(
      expect.arrayContaining(["subscription.cancelled", "subscription.reactivated"]),
    );
    const subjects = (await mailsTo(db(), team.owner.email)).map((m) => m.subject);
    expect(subjects.some((s) => s.includes("ends on May 1, 2025"))).toBe(true);
    expect(subjects.some((s) => s.includes("active again"))).toBe(true);
  });

  it("refuses a cancellation from a stale tab", async () => {
    const team = await teamWithContract(db(), { at: "2025-04-01T00:00:00Z", seats: 10 });
    const shown = await preview(team, { seats: 11 });
    await confirm(team, { seats: 11 }, shown);
    const error = await refusalOf(
      cancelSubscription(db(), team.ctx, { teamId: team.teamId, expectedVersion: shown.version }),
    );
    expect(error.code).toBe("CONFLICT");
  });
});

describe("through the API: the owner alone changes the subscription", () => {
  let acmeCorp: string;
  beforeAll(async () => {
    const [row] = await db().select({ id: teams.id }).from(teams).where(eq(teams.name, "Acme Corp"));
    acmeCorp = row!.id;
  });
  const callerFor = async (email: string) => createCaller(contextFor(db(), await accountActor(db(), email)));

  async function trpcRefusal(call: Promise<unknown>): Promise<TRPCError> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  it("the owner previews 30 → 35 seats, confirms, and finds the invoice", async () => {
    const api = await callerFor("owner@acme.example");
    const summary = await api.subscription.summary({ teamId: acmeCorp });
    expect(summary).toMatchObject({ planName: "Standard", billingPeriod: "annual", seats: { total: 30 } });
    const shown = await api.subscription.previewChange({ teamId: acmeCorp, change: { seats: 35 } });
    expect(shown.quote.totalCents).toBeGreaterThan(0);
    const result = await api.subscription.confirmChange({
      teamId: acmeCorp,
      change: { seats: 35 },
      idempotencyKey: shown.idempotencyKey,
      expectedVersion: shown.version,
      expectedTotalCents: shown.quote.totalCents,
    });
    const list = await api.subscription.invoices({ teamId: acmeCorp });
    expect(list[0]).toMatchObject({
      number: result.invoice.number,
      totalCents: shown.quote.totalCents,
      status: "open",
    });
    expect(list[0]!.lines).toHaveLength(2);
    expect((await api.subscription.summary({ teamId: acmeCorp }))?.seats?.total).toBe(35);
  });

  it.each(["manager@acme.example", "member@acme.example"])("%s cannot preview or change it", async (email) => {
    const api = await callerFor(email);
    const { version } = (await api.subscription.summary({ teamId: acmeCorp }))!;
    for (const call of [
      () => api.subscription.previewChange({ teamId: acmeCorp, change: { seats: 40 } }),
      () =>
        api.subscription.confirmChange({
          teamId: acmeCorp,
          change: { seats: 40 },
          idempotencyKey: "a".repeat(32),
          expectedVersion: version,
          expectedTotalCents: 1,
        }),
      () => api.subscription.cancel({ teamId: acmeCorp, expectedVersion: version }),
    ]) {
      const error = await trpcRefusal(call());
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toContain("does not allow you to change the subscription");
    }
  });

  it("a manager sees invoices and prices; a licensed member sees the summary only", async () => {
    const manager = await callerFor("manager@acme.example");
    const managerView = await manager.subscription.summary({ teamId: acmeCorp });
    expect(managerView?.billing?.periodPriceCents).toBeGreaterThan(0);
    expect((await manager.subscription.invoices({ teamId: acmeCorp })).length).toBeGreaterThan(0);

    const member = await callerFor("member@acme.example");
    const memberView = await member.subscription.summary({ teamId: acmeCorp });
    expect(memberView).toMatchObject({ planName: "Standard", billing: null });
    expect(memberView?.meters.map((m) => m.key)).toEqual(["seats", "storage", "dataTransfer"]);
    const error = await trpcRefusal(member.subscription.invoices({ teamId: acmeCorp }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("does not allow you to see the subscription's invoices");
  });

  it("refuses anything shaped like a card number, in any field, and stores nothing", async () => {
    const api = await callerFor("owner@acme.example");
    const { version } = (await api.subscription.summary({ teamId: acmeCorp }))!;
    const eventsBefore = (await verifyAuditChain(db(), acmeCorp)).events;
    const methodsBefore = (await db().select().from(paymentMethods).where(eq(paymentMethods.teamId, acmeCorp))).length;
    const attempts = [
      () =>
        api.subscription.cancel({
          teamId: acmeCorp,
          expectedVersion: version,
          reason: "card 4111 1111 1111 1111 exp 12/29",
        }),
      () => api.subscription.cancel({ teamId: acmeCorp, expectedVersion: version, reason: "5500-0000-0000-0004" }),
      () =>
        api.subscription.addPaymentMethod({
          teamId: acmeCorp,
          provider: "invoice",
          providerToken: "378282246310005",
          idempotencyKey: "b".repeat(32),
          expectedVersion: version,
        }),
      () => api.subscription.previewChange({ teamId: acmeCorp, change: { seats: 4111111111111111 } }),
      // Fields the procedure does not even know are checked too.
      () =>
        api.subscription.reactivate({ teamId: acmeCorp, expectedVersion: version, note: "4012888888881881" } as never),
    ];
    for (const attempt of attempts) {
      const error = await trpcRefusal(attempt());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("This looks like a card number");
      expect(error.message).not.toMatch(/\d{4}/);
    }
    expect((await verifyAuditChain(db(), acmeCorp)).events).toBe(eventsBefore);
    expect(await db().select().from(paymentMethods).where(eq(paymentMethods.teamId, acmeCorp))).toHaveLength(
      methodsBefore,
    );
    const stored = JSON.stringify(await db().select().from(auditEvents).where(eq(auditEvents.teamId, acmeCorp)));
    for (const number of [
      "4111 1111 1111 1111",
      "4111111111111111",
      "5500-0000-0000-0004",
      "378282246310005",
      "4012888888881881",
    ]) {
      expect(stored).not.toContain(number);
    }
  });

  it("keeps the version check over the API: a stale tab gets CONFLICT", async () => {
    const api = await callerFor("owner@acme.example");
    const tabA = await api.subscription.previewChange({ teamId: acmeCorp, change: { extraStorageGb: 10 } });
    const tabB = await api.subscription.previewChange({ teamId: acmeCorp, change: { extraStorageGb: 30 } });
    await api.subscription.confirmChange({
      teamId: acmeCorp,
      change: { extraStorageGb: 10 },
      idempotencyKey: tabA.idempotencyKey,
      expectedVersion: tabA.version,
      expectedTotalCents: tabA.quote.totalCents,
    });
    const error = await trpcRefusal(
      api.subscription.confirmChange({
        teamId: acmeCorp,
        change: { extraStorageGb: 30 },
        idempotencyKey: tabB.idempotencyKey,
        expectedVersion: tabB.version,
        expectedTotalCents: tabB.quote.totalCents,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("changed in another tab");
  });

  it("a support session cannot change it either", async () => {
    const clock = fixedClock(new Date());
    const staffSessionId = await signInDemoSupport(db(), clock);
    const view = await openSupportView(db(), clock, {
      teamId: acmeCorp,
      grantedBy: "manager@acme.example",
      staffSessionId,
    });
    const support = await browserCaller(db(), clock, {
      sessionId: staffSessionId,
      supportSessionId: view.supportSessionId,
    });
    expect((await support.subscription.summary({ teamId: acmeCorp }))?.planName).toBeDefined();
    const error = await trpcRefusal(support.subscription.cancel({ teamId: acmeCorp, expectedVersion: 1 }));
    expect([error.code, error.message]).toEqual(["FORBIDDEN", "Support sessions are read-only."]);
  });
});

describe("card numbers", () => {
  it.each([
    ["4111111111111111", true],
    ["4111 1111 1111 1111", true],
    ["4111-1111-1111-1111", true],
    ["my card is 5500 0000 0000 0004, thanks", true],
    ["378282246310005", true], // 15-digit American Express
    ["6011000990139424", true],
    ["4111 1111 1111 1111 0427", true], // card and expiry in one run of groups
    ["4222222222222", true], // 13 digits
    ["4111111111111112", false], // fails Luhn
    ["123456789012", false], // 12 digits
    ["Order 2025-0413", false],
    ["+1 415 555 0100", false],
    ["a1b2c3", false],
    ["123e4567-e89b-12d3-a456-426614174000", false],
    ["11111111-1111-4111-8111-111111111111", false], // a UUID, even when its digits pass Luhn
  ])("%s → %s", (text, expected) => {
    expect(looksLikeCardNumber(text)).toBe(expected);
  });

  it("looks into nested fields, numbers and keys", () => {
    expect(containsCardNumber({ a: [{ b: "x 4111111111111111" }] })).toBe(true);
    expect(containsCardNumber({ seats: 4111111111111111 })).toBe(true);
    expect(containsCardNumber({ "4111111111111111": 1 })).toBe(true);
    expect(containsCardNumber({ seats: 35, teamId: "0b6a0d0e-6a1b-4c1e-9a7e-1f2a3b4c5d6e" })).toBe(false);
  });
});

describe("a trial", () => {
  it("converts to paid when the owner adds a payment method, once per key", async () => {
    const team = await teamWithContract(db(), {
      at: "2025-04-01T00:00:00Z",
      seats: 5,
      planCode: "fmc-essentials",
      trial: true,
    });
    expect(await subscriptionOf(db(), team.teamId)).toMatchObject({ status: "trialing" });
    expect((await db().select().from(teams).where(eq(teams.id, team.teamId)))[0]!.status).toBe("trial");
    team.clock.set("2025-04-06T00:00:00Z");
    // Changes during the trial are free.
    const shown = await preview(team, { seats: 8 });
    expect(shown.quote.totalCents).toBe(0);
    await confirm(team, { seats: 8 }, shown);

    const { addPaymentMethod } = await import("./payment-method");
    const version = (await subscriptionOf(db(), team.teamId)).version;
    const input = {
      teamId: team.teamId,
      provider: "invoice",
      idempotencyKey: "trial-conversion-0001",
      expectedVersion: version,
    };
    const first = await addPaymentMethod(db(), team.ctx, input);
    const retry = await addPaymentMethod(db(), team.ctx, input);
    expect(first.converted).toBe(true);
    expect(retry.invoice?.id).toBe(first.invoice?.id);
    const after = await subscriptionOf(db(), team.teamId);
    expect(after).toMatchObject({ status: "active", currentPeriodEnd: new Date("2025-05-06T00:00:00Z") });
    expect(first.invoice?.totalCents).toBe(8 * 2_100);
    const [method] = await db().select().from(paymentMethods).where(eq(paymentMethods.teamId, team.teamId));
    expect(method).toMatchObject({ provider: "invoice", brand: "Invoice", last4: null });
    expect(
      (await db().select().from(invoices).where(eq(invoices.teamId, team.teamId))).filter((i) => i.totalCents > 0),
    ).toHaveLength(1);
  });
});

describe("clock", () => {
  it("uses only the injected clock: a change far in the future prices from that day", async () => {
    const team = await teamWithContract(db(), { at: "2031-01-01T00:00:00Z", seats: 10 });
    const ctx = { ...team.ctx, clock: fixedClock("2031-01-16T12:00:00Z") };
    const shown = await previewChange(db(), ctx, team.teamId, { seats: 11 });
    expect(shown.quote.daysCharged).toBe(16);
    expect(shown.quote.daysInPeriod).toBe(31);
  });
});
