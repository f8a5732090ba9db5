import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";

const database = setUpTestDatabase();
const clock = fixedClock("2026-08-03T09:00:00Z");

/** The demo support account's caller, its cookie naming `supportSessionId`. */
async function staffCaller(options: { mfaVerified: boolean; supportSessionId?: string }) {
  const { db } = database.handle;
  const actor = await accountActor(db, "support@console.example", { mfaVerified: options.mfaVerified });
  return createCaller({
    ...contextFor(db, actor, { clock }),
    ...(options.supportSessionId ? { supportSessionId: options.supportSessionId } : {}),
  });
}

describe("a support cookie", () => {
  it("counts only beside a staff sign-in session that passed two-step verification", async () => {
    const { db } = database.handle;
    const teamId = await demoTeamId(db, "Acme Corp");
    const manager = createCaller(contextFor(db, await accountActor(db, "manager@acme.example"), { clock }));
    await manager.supportAccess.grant({ teamId, hours: 2, note: "Ticket 2001" });
    const session = await (await staffCaller({ mfaVerified: true })).staffConsole.open({
      teamId,
      reason: "Ticket 2001",
    });

    const verified = await staffCaller({ mfaVerified: true, supportSessionId: session.id });
    expect((await verified.members.list({ teamId })).members.length).toBeGreaterThan(0);

    const unverified = await staffCaller({ mfaVerified: false, supportSessionId: session.id });
    const refused = await unverified.members.list({ teamId }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).not.toBe("INTERNAL_SERVER_ERROR");
    const views = await db
      .select({ targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.teamId, teamId), eq(auditEvents.action, "support.viewed")));
    expect(views).toHaveLength(1);
  });
});
