import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, teamDomains } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type DnsPeer, startDnsPeer } from "@/sso-peers/dns-server";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { refusal } from "../../testing/refusal";
import { verifiedDomainOwner } from "./domain-owner";

const database = setUpTestDatabase();
let dns: DnsPeer;
let acmeId: string;
let initechId: string;
let acme: Awaited<ReturnType<typeof callerForEmail>>;
let initech: Awaited<ReturnType<typeof callerForEmail>>;

beforeAll(async () => {
  dns = await startDnsPeer({ port: 0 });
  process.env.DNS_SERVERS = `127.0.0.1:${dns.port}`;
  acmeId = await demoTeamId(database.handle.db, "Acme Corp");
  initechId = await demoTeamId(database.handle.db, "Initech");
  acme = await callerForEmail(database.handle.db, "manager@acme.example");
  initech = await callerForEmail(database.handle.db, "manager@initech.example");
});
afterAll(async () => {
  delete process.env.DNS_SERVERS;
  await dns.close();
});

const listed = async (teamId: string, domain: string) => {
  const api = teamId === acmeId ? acme : initech;
  return (await api.domains.list({ teamId })).find((d) => d.domain === domain)!;
};

async function addedDomain(teamId: string, domain: string) {
  const api = teamId === acmeId ? acme : initech;
  const { id } = await api.domains.add({ teamId, domain });
  return listed(teamId, domain).then((d) => ({ ...d, id }));
}

const auditActions = async (teamId: string, domainId: string) =>
  (
    await database.handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.targetId, domainId)))
      .orderBy(auditEvents.seq)
  ).map((e) => e.action);

describe("verified domains", () => {
  it("are added normalised, listed with the TXT record to publish, and refused twice", async () => {
    const { id } = await acme.domains.add({ teamId: acmeId, domain: "Acme-Mail.Example." });
    const domain = await listed(acmeId, "acme-mail.example");
    expect(domain).toMatchObject({ id, verifiedAt: null, lastCheckedAt: null });
    expect(domain.record.name).toBe("_console-verification.acme-mail.example");
    expect(domain.record.value).toMatch(/^console-verification=[A-Za-z0-9_-]{22}$/);
    await expect(acme.domains.add({ teamId: acmeId, domain: "ACME-MAIL.example" })).rejects.toThrow(
      "acme-mail.example is already one of this team's domains.",
    );
    await expect(acme.domains.add({ teamId: acmeId, domain: "https://acme.example" })).rejects.toThrow(
      '"https://acme.example" is not a domain name.',
    );
    await expect(acme.domains.add({ teamId: acmeId, domain: "co.uk" })).rejects.toThrow(
      '"co.uk" is shared by many owners',
    );
    expect(await auditActions(acmeId, id)).toEqual(["domain.added"]);
  });

  it("are verified when the TXT record holds the value, and then route to their team", async () => {
    const domain = await addedDomain(acmeId, "acme-verify.example");
    dns.setTxt(domain.record.name, ["v=spf1 -all", domain.record.value]);
    const { verifiedAt } = await acme.domains.verify({ teamId: acmeId, domainId: domain.id });
    expect(await listed(acmeId, "acme-verify.example")).toMatchObject({ verifiedAt, lastCheckedAt: verifiedAt });
    expect(await verifiedDomainOwner(database.handle.db, "ACME-verify.example")).toEqual({ teamId: acmeId });
    expect(await auditActions(acmeId, domain.id)).toEqual(["domain.added", "domain.verified"]);
  });

  it("stay unverified when the record is missing, wrong or DNS does not answer, and the refusal says what was expected and found", async () => {
    const domain = await addedDomain(acmeId, "acme-wrong.example");
    const { name, value } = domain.record;
    await expect(acme.domains.verify({ teamId: acmeId, domainId: domain.id })).rejects.toThrow(
      `No TXT record was found at ${name}. Create it with the value ${value},`,
    );
    dns.setTxt(name, []);
    await expect(acme.domains.verify({ teamId: acmeId, domainId: domain.id })).rejects.toThrow(
      `No TXT record was found at ${name}.`,
    );
    dns.setTxt(name, ["console-verification=guess", "v=spf1 -all"]);
    const wrong = await refusal(acme.domains.verify({ teamId: acmeId, domainId: domain.id }));
    expect(wrong.code).toBe("PRECONDITION_FAILED");
    expect(wrong.message).toBe(
      `The TXT record at ${name} holds "console-verification=guess" and "v=spf1 -all", not ${value}. Change it to ${value}, give DNS a few minutes to publish it, and verify again.`,
    );
    dns.fail(name, "servfail");
    const unreachable = await refusal(acme.domains.verify({ teamId: acmeId, domainId: domain.id }));
    expect(unreachable.code).toBe("SERVICE_UNAVAILABLE");
    expect(unreachable.message).toBe(
      `DNS did not answer for ${name} (ESERVFAIL), so nothing was checked. Try again in a few minutes.`,
    );
    expect((await listed(acmeId, "acme-wrong.example")).verifiedAt).toBeNull();
    expect(await verifiedDomainOwner(database.handle.db, "acme-wrong.example")).toBeNull();
    expect(await auditActions(acmeId, domain.id)).toEqual(["domain.added"]);
  });

  it("held by another team can be added but not verified until that team lets it go", async () => {
    const held = await addedDomain(acmeId, "held.example");
    dns.setTxt(held.record.name, [held.record.value]);
    await acme.domains.verify({ teamId: acmeId, domainId: held.id });

    const claim = await addedDomain(initechId, "held.example");
    dns.setTxt(held.record.name, [held.record.value, claim.record.value]);
    const refused = await refusal(initech.domains.verify({ teamId: initechId, domainId: claim.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      "held.example is verified by another team. It can be verified here only after that team removes it or its record disappears.",
    );

    await acme.domains.remove({ teamId: acmeId, domainId: held.id });
    expect(await auditActions(acmeId, held.id)).toEqual(["domain.added", "domain.verified", "domain.removed"]);
    await initech.domains.verify({ teamId: initechId, domainId: claim.id });
    expect(await verifiedDomainOwner(database.handle.db, "held.example")).toEqual({ teamId: initechId });
  });

  it(raceTest("verified by two teams at once go to exactly one of them"), async () => {
    const first = await addedDomain(acmeId, "race.example");
    const second = await addedDomain(initechId, "race.example");
    dns.setTxt(first.record.name, [first.record.value, second.record.value]);
    const outcomes = await Promise.allSettled([
      acme.domains.verify({ teamId: acmeId, domainId: first.id }),
      initech.domains.verify({ teamId: initechId, domainId: second.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [lost] = outcomes.filter((o) => o.status === "rejected");
    expect(String(lost?.reason)).toContain("race.example is verified by another team.");
    const verified = await database.handle.db
      .select({ teamId: teamDomains.teamId })
      .from(teamDomains)
      .where(eq(teamDomains.domain, "race.example"));
    expect(verified).toHaveLength(2);
    const owner = await verifiedDomainOwner(database.handle.db, "race.example");
    expect([acmeId, initechId]).toContain(owner?.teamId);
  });

  it("of one team are neither seen nor changed through another team", async () => {
    const domain = await addedDomain(acmeId, "private.example");
    expect((await initech.domains.list({ teamId: initechId })).map((d) => d.domain)).not.toContain("private.example");
    await expect(initech.domains.verify({ teamId: initechId, domainId: domain.id })).rejects.toThrow(
      "This domain is not one of this team's domains; reload the page.",
    );
    await expect(initech.domains.remove({ teamId: initechId, domainId: domain.id })).rejects.toThrow(
      "This domain is not one of this team's domains; reload the page.",
    );
    expect((await listed(acmeId, "private.example")).id).toBe(domain.id);
    const member = await callerForEmail(database.handle.db, "member@acme.example");
    await expect(member.domains.list({ teamId: acmeId })).rejects.toThrow(/see the team's single sign-on/);
  });
});
