import { describe, expect, it } from "vitest";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { issueTestApiKey } from "../testing/api-keys";
import { demoTeamId } from "../testing/demo";
import {
  claimIdempotencyKey,
  forgetIdempotencyKeys,
  releaseIdempotencyKey,
  storeIdempotentResponse,
} from "./idempotency";

const database = setUpTestDatabase();

async function key() {
  const teamId = await demoTeamId(database.handle.db, "Acme Corp");
  return issueTestApiKey(database.handle.db, {
    teamId,
    creatorEmail: "manager@acme.example",
    scopes: ["groups.manage"],
  });
}

describe("Idempotency-Key", () => {
  it(raceTest("lets exactly one of many racing retries run; the others learn it is still running"), async () => {
    const { id } = await key();
    const clock = fixedClock("2026-12-03T09:00:00Z");
    const claims = await Promise.all(
      Array.from({ length: 8 }, () =>
        claimIdempotencyKey(database.handle.db, clock, { apiKeyId: id, key: "race", fingerprint: "same" }),
      ),
    );
    expect(claims.filter((c) => c.kind === "first")).toHaveLength(1);
    expect(claims.filter((c) => c.kind === "stillRunning")).toHaveLength(7);
  });

  it("replays the stored answer for a day, then forgets it; a released key may run again", async () => {
    const { id } = await key();
    const clock = fixedClock("2026-12-03T09:00:00Z");
    const claim = { apiKeyId: id, key: "k1", fingerprint: "f1" };
    const first = await claimIdempotencyKey(database.handle.db, clock, claim);
    if (first.kind !== "first") throw new Error("expected the first claim");
    const response = { status: 201, headers: { "content-type": "application/json" }, body: '{"id":"x"}' };
    await storeIdempotentResponse(database.handle.db, first.recordId, response);
    expect(await claimIdempotencyKey(database.handle.db, clock, claim)).toEqual({ kind: "replay", response });
    expect(await claimIdempotencyKey(database.handle.db, clock, { ...claim, fingerprint: "f2" })).toEqual({
      kind: "otherRequest",
    });

    clock.set("2026-12-04T09:00:00Z");
    await forgetIdempotencyKeys(database.handle.db, clock);
    const again = await claimIdempotencyKey(database.handle.db, clock, { ...claim, fingerprint: "f2" });
    expect(again.kind).toBe("first");
    if (again.kind !== "first") return;
    await releaseIdempotencyKey(database.handle.db, again.recordId);
    expect((await claimIdempotencyKey(database.handle.db, clock, claim)).kind).toBe("first");
  });
});
