import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { accounts, mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { CATALOGS } from "@/lib/i18n/messages";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { anonymousActor, noRequest } from "../actor";
import { cancelSubscription } from "../billing/cancel-subscription";
import { subscriptionOf, teamWithContract } from "../billing/test-support";
import { systemClock } from "../clock";
import { requestMetaFrom } from "../context";
import { DomainError } from "../errors";
import { openMailContent } from "../mail/mail-content";
import { parseCsv } from "../members/csv/csv";
import { appRouter } from "../routers/root";
import { callerForEmail, callOverHttp, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { refusalText, validationText } from "./refusal-message";

const database = setUpTestDatabase();
let teamId: string;

async function speaksDutch(email: string) {
  await database.handle.db.update(accounts).set({ language: "nl" }).where(eq(accounts.email, email));
}

async function lastMailTo(email: string) {
  const [mail] = await database.handle.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return openMailContent(mail!);
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
  await speaksDutch("manager@acme.example");
});

describe("a domain refusal", () => {
  it("keeps its English message and reads in Dutch, numbers and phrases inside it too", () => {
    const error = new DomainError("SEAT_LIMIT", "allSeatsInUse", { seats: 10 });
    expect(error.message).toBe("All 10 seats are in use. Remove a licence or add seats to the subscription.");
    expect(refusalText(error, "nl")?.message).toBe(
      "Alle 10 plaatsen zijn in gebruik. Trek een licentie in of voeg plaatsen toe aan het abonnement.",
    );
    const locked = new DomainError("RATE_LIMITED", "tooManyFailedSignIns", {
      tryAgainAfter: { key: "tryAgainAfter", values: { time: "17:20", minutes: 5 } },
    });
    expect(locked.message).toBe(
      "Too many failed sign-ins. Try again after 17:20 UTC (in 5 minutes), or reset your password.",
    );
    expect(refusalText(locked, "nl")?.message).toBe(
      "Te veel mislukte inlogpogingen. Probeer het opnieuw na 17:20 UTC (over 5 minuten), of stel je wachtwoord opnieuw in.",
    );
  });

  it("writes money, dates and lists of names in the reader's language", () => {
    const price = new DomainError("CONFLICT", "priceChangedPreviewRenewal", {
      price: { cents: 123450, currency: "USD" },
    });
    expect(price.message).toBe("The price is now $1,234.50. Preview the renewal again.");
    expect(refusalText(price, "nl")?.message).toMatch(/^De prijs is nu US\$\s1\.234,50\./);
    const owner = new DomainError("CONFLICT", "ownerCannotDeleteAccount", { teams: ["A", "B", "C"], count: 3 });
    expect(owner.message).toMatch(/^You own A, B and C\. Transfer ownership of these teams/);
    expect(refusalText(owner, "nl")?.message).toMatch(/^Je bent eigenaar van A, B en C\./);
  });
});

describe("a field error", () => {
  it("reads a router's own message in Dutch, and zod's built-in ones too", () => {
    expect(validationText({ name: "Type your name." }, "nl").fieldErrors).toEqual({ name: "Typ je naam." });
    const schema = z.object({ name: z.string().min(1, "Type your name."), seats: z.number() });
    const refused = refusalText(schema.safeParse({ name: "", seats: "many" }).error, "nl");
    expect(refused?.fieldErrors.name).toBe("Typ je naam.");
    expect(refused?.fieldErrors.seats).toMatch(/^Ongeldige invoer/);
  });

  it("has a catalog entry for every message a router's input schema gives", () => {
    const routers = join(import.meta.dirname, "../routers");
    const message =
      /(?:\.(?:min|max|length|regex|int|positive|nonnegative|gte|lte|gt|lt|email|enum|uuid|url|number|string|refine)\((?:[^()"]|\([^()]*\))*?,\s*|\.(?:int|positive|nonnegative|email|uuid|url|nonempty|trim)\(\s*|(?:message|error):\s*)"((?:[^"\\]|\\.)*)"/g;
    const used = readdirSync(routers)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .flatMap((file) => [...readFileSync(join(routers, file), "utf8").matchAll(message)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(20);
    const known = new Set(Object.values(CATALOGS.en.validation));
    expect(used.filter((text) => !known.has(text))).toEqual([]);
  });
});

describe("an API client", () => {
  it("is answered in the language of its Accept-Language, English by default", async () => {
    expect(requestMetaFrom(new Headers({ "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" })).locale).toBe("nl");
    expect(requestMetaFrom(new Headers()).locale).toBeUndefined();
    const call = { path: "profile.get", type: "query" as const };
    const dutch = contextFor(database.handle.db, anonymousActor);
    const { body } = await callOverHttp(appRouter, { ...dutch, request: { ...dutch.request, locale: "nl" } }, call);
    expect(body.error?.message).toMatch(/^Log in/);
    const english = await callOverHttp(appRouter, contextFor(database.handle.db, anonymousActor), call);
    expect(english.body.error?.message).toMatch(/^Sign in/);
  });
});

describe("a mail", () => {
  it("is written in the language of the account it goes to", async () => {
    const { requestPasswordReset } = await import("../accounts/password-reset");
    await requestPasswordReset(database.handle.db, { clock: systemClock, request: noRequest }, "manager@acme.example");
    const mail = await lastMailTo("manager@acme.example");
    expect(mail.subject).toBe("Stel je Customer Console-wachtwoord opnieuw in");
    expect(mail.text).toMatch(/^Iemand heeft gevraagd het wachtwoord van manager@acme\.example/);
  });

  it("to someone without an account speaks the language of who invited them", async () => {
    const manager = await callerForEmail(database.handle.db, "manager@acme.example");
    await manager.invitations.invite({
      teamId,
      emails: ["nieuw@acme.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    const mail = await lastMailTo("nieuw@acme.example");
    expect(mail.subject).toBe("Je bent uitgenodigd voor Acme Corp");
    expect(mail.text).toMatch(/als lid\./);
  });

  it("about a change of email address reaches a Dutch account in Dutch, at both addresses", async () => {
    await speaksDutch("hana.sato@acme.example");
    const hana = await callerForEmail(database.handle.db, "hana.sato@acme.example", { mfaVerified: true });
    await hana.profile.requestEmailChange({ newEmail: "hana@sato.example", password: DEMO_PASSWORD });
    const confirm = await lastMailTo("hana@sato.example");
    expect(confirm.subject).toBe("Bevestig je nieuwe Customer Console-e-mailadres");
    expect(confirm.text).toMatch(/^Hana Sato wil hana@sato\.example gebruiken/);
    const notice = await lastMailTo("hana.sato@acme.example");
    expect(notice.subject).toBe("Het e-mailadres van je Customer Console-account gaat veranderen");
  });

  it("with a billing notice greets a Dutch owner in Dutch, with a Dutch date", async () => {
    const team = await teamWithContract(database.handle.db, { at: "2025-01-15T00:00:00Z" });
    await database.handle.db.update(accounts).set({ language: "nl" }).where(eq(accounts.id, team.owner.id));
    const { version } = await subscriptionOf(database.handle.db, team.teamId);
    await cancelSubscription(database.handle.db, team.ctx, { teamId: team.teamId, expectedVersion: version });
    const mail = await lastMailTo(team.owner.email);
    expect(mail.subject).toMatch(/: je abonnement eindigt op 15 februari 2025$/);
    expect(mail.text).toMatch(
      /^Hallo .+,\n\nJe hebt het abonnement van .+ opgezegd\. Het blijft actief tot 15 februari 2025/,
    );
  });
});

describe("a CSV file", () => {
  it("is exported with Dutch headers to a Dutch manager, who can import it again", async () => {
    const manager = await callerForEmail(database.handle.db, "manager@acme.example");
    const csv = (await collect(await manager.members.exportCsv({ teamId, sort: "email" }))).join("");
    const [header] = parseCsv(csv);
    expect(header).toEqual([
      "naam",
      "e-mail",
      "rol",
      "gelicentieerd",
      "status",
      "soort",
      "twee_stappen",
      "laatst_ingelogd",
      "identiteitsprovider",
    ]);
    const report = await manager.members.checkImport({ teamId, csv });
    expect(report.toImport).toBe(0);
    expect(report.problems.find((p) => p.email === "member@acme.example")).toMatchObject({
      outcome: "skip",
      reason: "al in het team",
    });
  });
});
