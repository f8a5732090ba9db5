import { eq } from "drizzle-orm";
import { accounts, teams } from "@/db/schema";
import { noRequest, systemActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { verifyAuditChain } from "../audit/verify-chain";
import { beginSignIn } from "../auth/begin-sign-in";
import { completeSignIn } from "../auth/complete-sign-in";
import { systemClock } from "../clock";
import { hashPassword } from "../crypto/passwords";
import { dispatchEvents } from "../events/dispatch-events";
import { logger } from "../logger";
import { handleRestRequest } from "../rest/handle-rest-request";
import { createCaller } from "../routers/root";
import { issueTestApiKey } from "../testing/api-keys";
import { openBenchDatabase } from "./bench-database";
import { measure, report } from "./stats";

/**
 * Figures for the foundation: the main reads through the tRPC caller, audit appends and
 * chain verification, on a fresh database of the bench's own.
 */

const AUDIT_EVENTS = 20_000;
const { handle, drop, label } = await openBenchDatabase("cc_bench");

try {
  const { db } = handle;
  console.log(`database: ${label}`);

  const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
  const [manager] = await db.select().from(accounts).where(eq(accounts.email, "manager@acme.example"));
  const teamId = acme!.id;
  const caller = createCaller({
    db,
    clock: systemClock,
    request: noRequest,
    log: logger,
    actor: { kind: "account", accountId: manager!.id, email: manager!.email, sessionId: null, mfaVerified: false },
  });

  const event = (i: number) => ({
    teamId,
    actor: systemActor("bench"),
    occurredAt: new Date(),
    request: noRequest,
    action: "bench.event",
    after: { i },
  });
  const appends = await measure(500, (i) => db.transaction((tx) => recordAudit(tx, event(i))));
  report("audit append (one writer)", appends);

  if (handle.kind === "postgres") {
    const started = performance.now();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => db.transaction((tx) => recordAudit(tx, event(i)))));
    const seconds = (performance.now() - started) / 1000;
    console.log(`${"audit append, 1000 at once on 10 connections".padEnd(44)} ${(1000 / seconds).toFixed(0)} events/s`);
  }

  // Fill the team's log so that paging runs over a realistic history.
  const have = (await verifyAuditChain(db, teamId)).events;
  for (let i = have; i < AUDIT_EVENTS; i += 500) {
    await db.transaction(async (tx) => {
      for (let j = 0; j < 500 && i + j < AUDIT_EVENTS; j++) await recordAudit(tx, event(i + j));
    });
  }

  // The event pipeline hands every appended event on (no rule or endpoint wants "bench.event": the pipeline's own cost).
  const dispatchStarted = performance.now();
  let dispatched = 0;
  for (;;) {
    const { events } = await dispatchEvents(db, systemClock, { maxBatches: 1_000 });
    if (events === 0) break;
    dispatched += events;
  }
  const dispatchSeconds = (performance.now() - dispatchStarted) / 1000;
  console.log(
    `${`events dispatched (${dispatched}, one chain)`.padEnd(44)} ${(dispatched / dispatchSeconds).toFixed(0)} events/s`,
  );

  report("teams.home", await measure(200, () => caller.teams.home({ teamId })));
  // Every signed-in page's bell asks this.
  report("notifications.unreadCount", await measure(200, () => caller.notifications.unreadCount()));
  report("members.list, first page", await measure(200, () => caller.members.list({ teamId })));
  // The same page through the REST Admin API: key, rate limit, procedure, read audit and the answer's schema.
  const apiKey = await issueTestApiKey(db, { teamId, creatorEmail: "manager@acme.example", scopes: ["members.read"] });
  const restCall = () =>
    handleRestRequest(
      new Request("http://localhost/api/v1/users", { headers: { authorization: `Bearer ${apiKey.secret}` } }),
      { db, clock: systemClock },
    ).then((response) => response.text());
  report("GET /api/v1/users, first page (REST)", await measure(200, restCall));
  report("members.list, search 'acme'", await measure(200, () => caller.members.list({ teamId, search: "acme" })));
  report(`audit.list, first page of ${AUDIT_EVENTS}`, await measure(200, () => caller.audit.list({ teamId })));
  report(
    "audit.list, filtered by action",
    await measure(200, () => caller.audit.list({ teamId, action: "membership.added" })),
  );
  report("audit.list, deep page", await measure(200, () => caller.audit.list({ teamId, beforeSeq: 1000 })));

  const verifyStarted = performance.now();
  const verdict = await verifyAuditChain(db, teamId);
  console.log(
    `${`verifyAuditChain over ${verdict.events} events`.padEnd(44)} ${(performance.now() - verifyStarted).toFixed(0)} ms (valid: ${verdict.valid})`,
  );

  const [owner] = await db.select().from(accounts).where(eq(accounts.email, "owner@acme.example"));
  const ownerCaller = createCaller({
    db,
    clock: systemClock,
    request: noRequest,
    log: logger,
    actor: { kind: "account", accountId: owner!.id, email: owner!.email, sessionId: null, mfaVerified: false },
  });
  report(
    "subscription.previewChange (30 → 35 seats)",
    await measure(200, () => ownerCaller.subscription.previewChange({ teamId, change: { seats: 35 } })),
  );
  report("subscription.summary (with usage meters)", await measure(200, () => caller.subscription.summary({ teamId })));

  const signInContext = { clock: systemClock, request: noRequest };
  const signIn = await measure(20, async () => {
    const started = await beginSignIn(db, signInContext, { email: "manager@acme.example", password: "DemoPass-2026" });
    if (started.status === "challenge")
      await completeSignIn(db, signInContext, { challengeToken: started.challengeToken });
  });
  report("sign-in, both steps (argon2id verify)", signIn);
  report("argon2id hash (m=19456, t=2, p=1)", await measure(20, () => hashPassword("DemoPass-2026")));
} finally {
  await handle.close();
  await drop();
}
