import { initTRPC } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { checkPermission, PERMISSIONS } from "../permissions";
import { sampleOf } from "../testing/json-schema-arbitrary";
import {
  type CallOutcome,
  callProcedure,
  outcomeOf,
  type ProcedureEntry,
  rolledBack,
  routerProcedures,
} from "../testing/procedures";
import { requestContext } from "../testing/request-context";
import { buildWalkWorld, knownFields, OBJECT_ID_FIELDS, type Walker, type WalkWorld } from "../testing/walk-world";
import { publicProcedure, router } from "../trpc";
import { createCaller } from "./root";

const database = setUpTestDatabase();
const clock = fixedClock(new Date());
let world: WalkWorld;

beforeAll(async () => {
  world = await buildWalkWorld(database.handle.db, clock);
});

type Expectation = { allowed: true } | { allowed: false; code: string };

const allowed: Expectation = { allowed: true };
const refused = (code: string): Expectation => ({ allowed: false, code });

function namesObjects(procedure: ProcedureEntry): boolean {
  const fields = Object.keys(procedure.input?.properties ?? {});
  return OBJECT_ID_FIELDS.some((field) => fields.includes(field));
}

/** What the builder and the permission map say must happen: nothing here is kept by hand per procedure. */
function expectedOutcome(procedure: ProcedureEntry, walker: Walker): Expectation {
  const { rule } = procedure;
  const { standing } = walker;
  if (rule.gate === "public") return allowed;
  if (standing.kind === "anonymous") return refused("UNAUTHORIZED");
  const foreignObject = walker.foreignObjects && namesObjects(procedure);
  if (rule.gate === "account") return foreignObject ? refused("NOT_FOUND") : allowed;
  const isStaff = standing.kind === "support" || standing.staff;
  if (rule.gate === "staff") return isStaff ? allowed : refused("FORBIDDEN");

  if (standing.kind === "support") {
    if (procedure.type === "mutation") return refused("FORBIDDEN");
    const verdict = checkPermission(rule.permission, { support: true }, "filemaker_cloud");
    if (!verdict.allowed) return refused(verdict.reason === "product" ? "PRECONDITION_FAILED" : "FORBIDDEN");
    return allowed;
  }
  if (!standing.roles) return refused("NOT_FOUND");
  const verdict = checkPermission(rule.permission, { roles: standing.roles }, "filemaker_cloud");
  if (!verdict.allowed) return refused(verdict.reason === "product" ? "PRECONDITION_FAILED" : "FORBIDDEN");
  return foreignObject ? refused("NOT_FOUND") : allowed;
}

const labels = Object.values(PERMISSIONS).map((rule) => rule.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
/** The answers of the gates themselves (builders and authoriseTeamAccess), as opposed to a domain's refusal. */
const GATE_ANSWERS = [
  /^Sign in to continue\.$/,
  /^This team does not exist or you are not a member of it\.$/,
  /^Support sessions are read-only\.$/,
  /^This area is for support staff\.$/,
  /^Support staff must complete two-step verification/,
  /requires two-step verification\. Turn it on in Security to continue\.$/,
  new RegExp(`(does not allow you to|cannot) (${labels.join("|")})\\.`),
];

function refusedAtGate(outcome: CallOutcome): boolean {
  return !outcome.ok && GATE_ANSWERS.some((pattern) => pattern.test(outcome.error.message));
}

function matches(expectation: Expectation, outcome: CallOutcome): boolean {
  if (!outcome.ok) {
    if (outcome.error.code === "INTERNAL_SERVER_ERROR") return false;
    if (!expectation.allowed) return outcome.error.code === expectation.code;
    return !refusedAtGate(outcome);
  }
  return expectation.allowed;
}

/** "allowed", "allowed (CONFLICT)" for a domain's answer past the gate, or the refusal's code. */
function cell(expectation: Expectation, outcome: CallOutcome): string {
  if (outcome.ok) return "allowed";
  return !expectation.allowed || refusedAtGate(outcome) ? outcome.error.code : `allowed (${outcome.error.code})`;
}

async function call(procedure: ProcedureEntry, walker: Walker): Promise<CallOutcome> {
  const input = procedure.input ? sampleOf(procedure.input, knownFields(walker.ids)) : undefined;
  const run = async (db: typeof database.handle.db) =>
    outcomeOf(callProcedure(createCaller(await requestContext(db, clock, walker.cookies)), procedure.path, input));
  // A mutation's effects are rolled back, so each caller meets the same data.
  return procedure.type === "mutation" ? rolledBack(database.handle.db, run) : run(database.handle.db);
}

describe("the authorization matrix, generated from the router", () => {
  it("gives every caller exactly what the builders and the permission map promise, for every procedure", async () => {
    const procedures = routerProcedures();
    expect(procedures.length).toBeGreaterThan(60);
    const rows: string[] = [];
    const wrong: string[] = [];
    for (const procedure of procedures) {
      const cells: string[] = [];
      for (const walker of world.walkers) {
        const expectation = expectedOutcome(procedure, walker);
        const outcome = await call(procedure, walker);
        const ok = matches(expectation, outcome);
        cells.push(ok ? cell(expectation, outcome) : `**${cell(expectation, outcome)}** ✗`);
        if (!ok) {
          const got = outcome.ok ? "an answer" : `${outcome.error.code}: ${outcome.error.message}`;
          wrong.push(
            `${procedure.path} as ${walker.name}: expected ${expectation.allowed ? "to pass the gate" : expectation.code}, got ${got}`,
          );
        }
      }
      const rule = procedure.rule.gate === "team" ? `team(${procedure.rule.permission})` : procedure.rule.gate;
      rows.push(`| ${procedure.path} | ${procedure.type} | ${rule} | ${cells.join(" | ")} |`);
    }
    console.log(
      [
        `| procedure | type | gate | ${world.walkers.map((w) => w.name).join(" | ")} |`,
        `|---|---|---|${world.walkers.map(() => "---").join("|")}|`,
        ...rows,
      ].join("\n"),
    );
    expect(wrong).toEqual([]);
    // Some 800 calls: minutes on a busy machine.
  }, 300_000);

  it("refuses to walk a procedure that names no authorization rule", () => {
    const bare = initTRPC.create().procedure.query(() => "unguarded");
    const withRule = router({ fine: publicProcedure.query(() => "guarded") });
    expect(routerProcedures(withRule).map((p) => p.rule)).toEqual([{ gate: "public" }]);
    expect(() => routerProcedures(initTRPC.create().router({ bare }))).toThrow("bare has no authorization rule");
  });
});
