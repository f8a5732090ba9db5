import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { DomainError } from "../errors";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { normalisePhone } from "./update-profile";

const database = setUpTestDatabase();
const clock = fixedClock("2026-04-01T10:00:00Z");

async function callerFor(email: string) {
  return createCaller(contextFor(database.handle.db, await accountActor(database.handle.db, email), { clock }));
}

async function accountRow(email: string) {
  const [row] = await database.handle.db.select().from(accounts).where(eq(accounts.email, email));
  return row!;
}

async function platformEventsFor(accountId: string) {
  return database.handle.db
    .select()
    .from(auditEvents)
    .where(
      and(
        isNull(auditEvents.teamId),
        eq(auditEvents.targetId, accountId),
        eq(auditEvents.action, "account.profile_updated"),
      ),
    )
    .orderBy(desc(auditEvents.seq));
}

function refusalOf(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("the call should have been refused");
}

describe("phone numbers", () => {
  it("keeps international numbers in E.164 form, whatever the spacing", () => {
    expect(normalisePhone("+1 415 555 0100")).toBe("+14155550100");
    expect(normalisePhone("+44 (20) 7946-0958")).toBe("+442079460958");
    expect(normalisePhone("0049 30.1234567")).toBe("+49301234567");
    expect(normalisePhone("   ")).toBeNull();
  });

  it("refuses numbers without a country code, letters, and impossible lengths, saying what to type", () => {
    expect(refusalOf(() => normalisePhone("415 555 0100")).message).toBe(
      "Start the phone number with + and the country code, for example +1 415 555 0100.",
    );
    expect(refusalOf(() => normalisePhone("+1 415 CALL NOW")).message).toMatch(
      /only digits, spaces, dashes, dots and brackets/,
    );
    expect(refusalOf(() => normalisePhone("+0 415 555 0100")).message).toMatch(/country code never starts with 0/);
    expect(refusalOf(() => normalisePhone("+12 345")).message).toMatch(/7 to 15 digits/);
    expect(refusalOf(() => normalisePhone("+1234567890123456")).message).toMatch(/7 to 15 digits/);
  });
});

describe("editing one's profile", () => {
  it("changes name, phone and language, keeps the phone encrypted and audits without the number", async () => {
    const api = await callerFor("liam.chen@acme.example");
    await api.profile.update({ name: "  Liam Chen-Walsh ", phone: "+33 1 23 45 67 89", language: "nl" });

    const row = await accountRow("liam.chen@acme.example");
    expect(row).toMatchObject({ name: "Liam Chen-Walsh", language: "nl", updatedAt: clock.now() });
    expect(row.phoneEncrypted).toMatch(/^v1\./);
    expect(row.phoneEncrypted).not.toContain("123456789");
    expect(await api.profile.get()).toMatchObject({ name: "Liam Chen-Walsh", phone: "+33123456789", language: "nl" });
    expect((await api.account.me()).name).toBe("Liam Chen-Walsh");

    const [event] = await platformEventsFor(row.id);
    expect(event).toMatchObject({
      actorType: "account",
      actorId: row.id,
      before: { name: "Liam Chen", language: "en" },
      after: { name: "Liam Chen-Walsh", language: "nl", phone: "changed" },
    });
    expect(JSON.stringify(event)).not.toMatch(/23\D?45\D?67/);
  });

  it("removes the phone when the field is emptied", async () => {
    const api = await callerFor("emma.dubois@acme.example");
    await api.profile.update({ name: "Emma Dubois", phone: "+33 6 12 34 56 78", language: "en" });
    expect((await api.profile.get()).phone).toBe("+33612345678");
    await api.profile.update({ name: "Emma Dubois", phone: "", language: "en" });
    const row = await accountRow("emma.dubois@acme.example");
    expect(row.phoneEncrypted).toBeNull();
    expect((await platformEventsFor(row.id))[0]?.after).toEqual({
      name: "Emma Dubois",
      language: "en",
      phone: "removed",
    });
  });

  it("records nothing when nothing changed", async () => {
    const api = await callerFor("sofia.rossi@acme.example");
    const { id } = await accountRow("sofia.rossi@acme.example");
    await api.profile.update({ name: "Sofia Rossi", phone: "", language: "en" });
    expect(await platformEventsFor(id)).toEqual([]);
  });

  it("refuses an empty name, an unknown language and a malformed phone with a message saying what to fix", async () => {
    const api = await callerFor("noah.keller@acme.example");
    await expect(api.profile.update({ name: "  ", phone: "", language: "en" })).rejects.toThrow("Type your name.");
    await expect(api.profile.update({ name: "Noah", phone: "", language: "xx" as "en" })).rejects.toThrow(
      "Choose one of the offered languages.",
    );
    await expect(api.profile.update({ name: "Noah", phone: "555-0100", language: "en" })).rejects.toThrow(
      "Start the phone number with + and the country code",
    );
    expect(await accountRow("noah.keller@acme.example")).toMatchObject({ name: "Noah Keller", phoneEncrypted: null });
  });

  it("changes only the language from the language menu, and audits it once", async () => {
    const api = await callerFor("oliver.brown@acme.example");
    const { id } = await accountRow("oliver.brown@acme.example");
    await api.profile.setLanguage({ language: "nl" });
    await api.profile.setLanguage({ language: "nl" });
    expect(await accountRow("oliver.brown@acme.example")).toMatchObject({ language: "nl" });
    const events = await platformEventsFor(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { language: "en" }, after: { language: "nl" } });
    await expect(api.profile.setLanguage({ language: "de" as "en" })).rejects.toThrow(
      "Choose one of the offered languages.",
    );
  });

  it("is only for signed-in accounts", async () => {
    const api = createCaller(contextFor(database.handle.db));
    await expect(api.profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.profile.update({ name: "x", phone: "", language: "en" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
