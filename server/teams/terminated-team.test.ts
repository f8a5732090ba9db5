import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { callerForEmail } from "../testing/callers";

const database = setUpTestDatabase();

describe("a terminated team", () => {
  it("refuses changes but still reads, renews and lets support in", async () => {
    const { db } = database.handle;
    const [acme] = await db.update(teams).set({ status: "terminated" }).where(eq(teams.name, "Acme Corp")).returning();
    const manager = await callerForEmail(db, "manager@acme.example");

    const refused = await manager.groups.create({ teamId: acme!.id, name: "After the end" }).then(
      () => null,
      (error: unknown) => error as TRPCError,
    );
    expect(refused?.code).toBe("PRECONDITION_FAILED");
    expect(refused?.message).toContain("The subscription of Acme Corp has ended, so nothing can be changed. Renew it");

    expect((await manager.members.list({ teamId: acme!.id })).members.length).toBeGreaterThan(0);
    await expect(manager.supportAccess.grant({ teamId: acme!.id, hours: 1 })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });
});
