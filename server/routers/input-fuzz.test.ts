import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { noRequest } from "../actor";
import { verifyAuditChain } from "../audit/verify-chain";
import { totpCodeAt } from "../auth/totp";
import { fixedClock } from "../clock";
import { callOverHttp } from "../testing/callers";
import { fuzzedInput } from "../testing/hostile-values";
import { callProcedure, outcomeOf, routerProcedures } from "../testing/procedures";
import { requestContext } from "../testing/request-context";
import { signInWithTwoStep } from "../testing/sign-in";
import { buildWalkWorld, type TeamIds } from "../testing/walk-world";
import { appRouter, createCaller } from "./root";

/** Inputs per procedure: a few in every test run; `npm run fuzz` sets many more. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

const database = setUpTestDatabase();
const clock = fixedClock(new Date());
let acme: TeamIds;
let managerSession = "";
let calls = 0;

beforeAll(async () => {
  const db = database.handle.db;
  const world = await buildWalkWorld(db, clock);
  acme = world.acme;
  // The manager turns two-step verification on, so no fuzzed setting ("two-step required") locks the fuzzing out.
  const manager = createCaller(await requestContext(db, clock, { sessionId: world.people.manager.sessionId }));
  const { setupKey } = await manager.security.startTotp({ password: DEMO_PASSWORD });
  const secret = setupKey.replace(/\s/g, "");
  await manager.security.confirmTotp({ code: totpCodeAt(secret, clock.now()) });
  clock.advance(31_000);
  managerSession = (
    await signInWithTwoStep(
      db,
      { clock, request: noRequest },
      { email: "manager@acme.example", password: DEMO_PASSWORD, totpSecret: secret },
    )
  ).sessionId;
});

afterAll(() => {
  console.log(`input fuzzing: ${calls} calls, ${RUNS} inputs per procedure`);
});

describe("every procedure, fuzzed as a manager of Acme Corp", () => {
  const procedures = routerProcedures();

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s answers bad input without an internal error",
    async (_path, procedure) => {
      // The password is left out on purpose: a fuzzed call must not delete or lock the account it fuzzes with.
      const known = { ...acme };
      await fc.assert(
        fc.asyncProperty(fuzzedInput(procedure.input, known), async (input) => {
          calls++;
          const api = createCaller(await requestContext(database.handle.db, clock, { sessionId: managerSession }));
          const outcome = await outcomeOf(callProcedure(api, procedure.path, input));
          if (!outcome.ok && outcome.error.code === "INTERNAL_SERVER_ERROR") {
            throw new Error(
              `internal error: ${String((outcome.error.cause as Error | undefined)?.message ?? outcome.error.message)}`,
            );
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it.each([
    ["a NUL character", "Sales\u0000Team", "name: remove the NUL character (\\0); text cannot contain it."],
    [
      "a lone surrogate",
      "Sales \uD800",
      "name: contains a broken Unicode character (a lone surrogate); type or paste the text again.",
    ],
  ])("refuses %s in any field with a message that names the field", async (_what, name, message) => {
    const { status, body } = await callOverHttp(
      appRouter,
      await requestContext(database.handle.db, clock, { sessionId: managerSession }),
      {
        path: "groups.create",
        type: "mutation",
        input: { teamId: acme.teamId, name },
      },
    );
    expect([status, body.error?.message]).toEqual([400, message]);
    const nested = await outcomeOf(
      callProcedure(
        createCaller(await requestContext(database.handle.db, clock, { sessionId: managerSession })),
        "members.list",
        { teamId: acme.teamId, search: { deep: [name] } },
      ),
    );
    expect(nested.ok ? "answered" : nested.error.message).toBe(message.replace(/^name/, "search.deep.0"));
  });

  it("leaves every audit chain intact", async () => {
    const db = database.handle.db;
    const teamIds = (await db.select({ id: teams.id }).from(teams)).map((t) => t.id);
    for (const teamId of [null, ...teamIds]) {
      expect(await verifyAuditChain(db, teamId), `audit chain of ${teamId ?? "the platform"}`).toMatchObject({
        valid: true,
      });
    }
  });
});
