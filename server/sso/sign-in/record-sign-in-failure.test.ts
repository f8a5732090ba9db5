import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../../clock";
import { DEMO_IDENTITY_PROVIDER_ID } from "../../demo/demo-sso";
import { acceptProviderAnswer } from "./provider-sign-in";
import { SSO_FAILURES_AUDITED_PER_IP } from "./record-sign-in-failure";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const clock = fixedClock("2026-12-01T10:00:00Z");

const forgedAnswer = (requestId: string) =>
  acceptProviderAnswer(
    db(),
    { clock, request: { requestId, ip: "203.0.113.9", userAgent: null } },
    DEMO_IDENTITY_PROVIDER_ID,
    { kind: "oidc", callbackUrl: new URL("http://localhost/callback?code=x&state=forged"), browserState: "mine" },
  );

const failures = () =>
  db()
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "identity_provider.sign_in_failed"),
        eq(auditEvents.targetId, DEMO_IDENTITY_PROVIDER_ID),
      ),
    );

describe("a refused provider answer", () => {
  it("gives the person a reference and the managers' audit log the technical reason under it", async () => {
    expect(await forgedAnswer("req-forged-1")).toEqual({ ok: false, reference: "req-forged-1" });
    expect((await failures()).map((row) => row.after)).toEqual([
      expect.objectContaining({ reason: "state_invalid", referenceId: "req-forged-1" }),
    ]);
  });

  it("fills the audit log only so far from one address", async () => {
    for (let i = 0; i < SSO_FAILURES_AUDITED_PER_IP.limit + 5; i++) await forgedAnswer(`req-flood-${i}`);
    expect(await failures()).toHaveLength(SSO_FAILURES_AUDITED_PER_IP.limit);
  });
});
