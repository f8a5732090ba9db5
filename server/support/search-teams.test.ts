import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { searchTeams } from "./search-teams";

const database = setUpTestDatabase();
const now = new Date("2026-08-01T09:00:00Z");
const names = async (query: string) => (await searchTeams(database.handle.db, query, now)).map((t) => t.name);

describe("the staff console's team search", () => {
  it("finds a team by any part of its name, in any case, once", async () => {
    expect(await names("cme cor")).toEqual(["Acme Corp"]);
    expect(await names("ACME")).toEqual(expect.arrayContaining(["Acme Corp", "Acme Connect"]));
    expect(new Set(await names("acme")).size).toBe((await names("acme")).length);
  });

  it("finds a team by its owner's email, by any part of it", async () => {
    expect(await names("owner@acme.example")).toContain("Acme Corp");
    expect(await names("OWNER@ACME")).toContain("Acme Corp");
  });

  it("finds a team by its Team ID, and only then by it", async () => {
    const [acme] = await database.handle.db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    expect(await names(acme!.id.toUpperCase())).toEqual(["Acme Corp"]);
    expect(await names(acme!.id.slice(0, 8))).toEqual([]);
  });

  it("takes % and _ literally and ignores an empty query", async () => {
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect(await names("   ")).toEqual([]);
  });

  it("leaves purged teams out", async () => {
    const { db } = database.handle;
    const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    await db.update(teams).set({ status: "purged" }).where(eq(teams.id, acme!.id));
    try {
      expect(await names("Acme Corp")).toEqual([]);
      expect(await names(acme!.id)).toEqual([]);
    } finally {
      await db.update(teams).set({ status: acme!.status }).where(eq(teams.id, acme!.id));
    }
  });
});
