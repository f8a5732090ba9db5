import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { teamSettings, teams } from "@/db/schema";
import { useTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";
import { parseDomainList } from "./update-settings";

const database = useTestDatabase();

describe("allowed invitation domains", () => {
  it("are read from a list people type, and anything that is not a domain is named", () => {
    expect(parseDomainList(" Acme.example, @partner.example;acme.example\nsub.acme.example ")).toEqual(["acme.example", "partner.example", "sub.acme.example"]);
    expect(parseDomainList("")).toEqual([]);
    expect(() => parseDomainList("acme.example, not a domain, x@y")).toThrow("Not an email domain: not, a, domain, x@y.");
  });

  it("are set by a manager and then limit who may be invited", async () => {
    const { db } = database.handle;
    const [acme] = await db.select().from(teams).where(eq(teams.name, "Acme Corp"));
    const manager = await callerForEmail(db, "manager@acme.example");
    await manager.settings.updateSecurity({ teamId: acme!.id, allowedInviteDomains: "acme.example" });
    const [settings] = await db.select().from(teamSettings).where(eq(teamSettings.teamId, acme!.id));
    expect(settings!.allowedInviteDomains).toEqual(["acme.example"]);
    await expect(manager.settings.updateSecurity({ teamId: acme!.id, allowedInviteDomains: "acme" })).rejects.toThrow("Not an email domain: acme.");
  });
});
