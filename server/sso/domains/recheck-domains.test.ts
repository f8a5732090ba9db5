import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { type DnsPeer, startDnsPeer } from "@/sso-peers/dns-server";
import { fixedClock } from "../../clock";
import { DEMO_SSO_DOMAIN, DEMO_SSO_DOMAIN_TOKEN } from "../../demo/demo-sso";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { dnsTxtLookup } from "./dns-txt";
import { verifiedDomainOwner } from "./domain-owner";
import { recheckDomains } from "./recheck-domains";
import { verificationRecord } from "./verification-record";

const database = setUpTestDatabase();
const db = () => database.handle.db;
let dns: DnsPeer;
let teamId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;
/** A short timeout, so a DNS server that never answers costs the test little time. */
const lookup = dnsTxtLookup(300);

beforeAll(async () => {
  dns = await startDnsPeer({ port: 0 });
  process.env.DNS_SERVERS = `127.0.0.1:${dns.port}`;
  // The demo's own verified domain keeps its record, as the demo's DNS server publishes it.
  const demo = verificationRecord(DEMO_SSO_DOMAIN, DEMO_SSO_DOMAIN_TOKEN);
  dns.setTxt(demo.name, [demo.value]);
  teamId = await demoTeamId(db(), "Acme Corp");
  api = await callerForEmail(db(), "manager@acme.example");
});
afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await dns.close();
});

async function verifiedDomain(domain: string) {
  const { id } = await api.domains.add({ teamId, domain });
  const { record } = (await api.domains.list({ teamId })).find((d) => d.id === id)!;
  dns.setTxt(record.name, [record.value]);
  await api.domains.verify({ teamId, domainId: id });
  return { id, record };
}

const listed = async (id: string) => (await api.domains.list({ teamId })).find((d) => d.id === id)!;
const lostEvents = async (id: string) =>
  db()
    .select({ actorType: auditEvents.actorType, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "domain.lost")));

describe("the daily re-check of verified domains", () => {
  it("unverifies a domain whose record is gone or changed, keeps one whose DNS does not answer, and audits each loss", async () => {
    const kept = await verifiedDomain("kept.example");
    const gone = await verifiedDomain("gone.example");
    const changed = await verifiedDomain("changed.example");
    const timedOut = await verifiedDomain("timeout.example");
    const failing = await verifiedDomain("servfail.example");
    dns.remove(gone.record.name);
    dns.setTxt(changed.record.name, ["console-verification=someone-else"]);
    dns.fail(timedOut.record.name, "timeout");
    dns.fail(failing.record.name, "servfail");

    // Verified just now: not due before a day has passed.
    const clock = fixedClock(new Date(Date.now() + DAY_MS / 2));
    expect(await recheckDomains(db(), clock, lookup)).toEqual({ checked: 0, lost: 0 });

    clock.advance(DAY_MS);
    // The five above, and the demo's own domain, whose record is published.
    expect(await recheckDomains(db(), clock, lookup)).toEqual({ checked: 6, lost: 2 });
    for (const { id } of [gone, changed]) {
      expect((await listed(id)).verifiedAt).toBeNull();
    }
    for (const { id } of [kept, timedOut, failing]) {
      expect((await listed(id)).verifiedAt).not.toBeNull();
      expect(await lostEvents(id)).toEqual([]);
    }
    expect(await verifiedDomainOwner(db(), "gone.example")).toBeNull();
    expect(await verifiedDomainOwner(db(), "kept.example")).toEqual({ teamId });
    expect(await lostEvents(gone.id)).toEqual([
      { actorType: "system", after: { record: gone.record.name, found: [] } },
    ]);
    expect(await lostEvents(changed.id)).toEqual([
      { actorType: "system", after: { record: changed.record.name, found: ["console-verification=someone-else"] } },
    ]);
    expect((await listed(kept.id)).lastCheckedAt).toEqual(clock.now());

    // Checked today: the next run leaves them alone.
    expect(await recheckDomains(db(), clock, lookup)).toEqual({ checked: 0, lost: 0 });
  });
});
