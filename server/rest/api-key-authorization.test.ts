import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { Actor } from "../actor";
import { fixedClock } from "../clock";
import { apiKeyScopes, checkPermission, type Permission } from "../permissions";
import { createCaller } from "../routers/root";
import { contextFor } from "../testing/callers";
import { sampleOf } from "../testing/json-schema-arbitrary";
import { type CallOutcome, callProcedure, outcomeOf, rolledBack, routerProcedures } from "../testing/procedures";
import { buildWalkWorld, knownFields, type TeamIds, type WalkWorld } from "../testing/walk-world";

const database = setUpTestDatabase();
const clock = fixedClock(new Date());
let world: WalkWorld;

beforeAll(async () => {
  world = await buildWalkWorld(database.handle.db, clock);
});

function keyOf(teamId: string, creatorAccountId: string, scopes: Permission[]): Actor {
  return {
    kind: "apiKey",
    apiKeyId: crypto.randomUUID(),
    prefix: "cc_walk0000",
    teamId,
    scopes,
    createdByAccountId: creatorAccountId,
  };
}

async function call(path: string, type: string, input: unknown, actor: Actor): Promise<CallOutcome> {
  const run = async (db: typeof database.handle.db) =>
    outcomeOf(callProcedure(createCaller(contextFor(db, actor, { clock })), path, input));
  return type === "mutation" ? rolledBack(database.handle.db, run) : run(database.handle.db);
}

const GATE =
  /(does not have the .* scope|does not exist or you are not a member|does not allow you to| teams have no )/;

describe("API keys at the gate of every team procedure, generated from the router", () => {
  it("pass only with the procedure's scope, only what the creator may do, and only in the key's own team", async () => {
    const managerRoles = ["manager", "licensedMember"] as const;
    const grantable = apiKeyScopes([...managerRoles], "filemaker_cloud");
    const wrong: string[] = [];
    const teamProcedures = routerProcedures().filter((p) => p.rule.gate === "team");
    expect(teamProcedures.length).toBeGreaterThan(50);
    for (const procedure of teamProcedures) {
      if (procedure.rule.gate !== "team") continue;
      const permission = procedure.rule.permission;
      const input = (ids: TeamIds) => (procedure.input ? sampleOf(procedure.input, knownFields(ids)) : undefined);
      const acmeKey = (scopes: Permission[]) => keyOf(world.acme.teamId, world.people.manager.accountId, scopes);

      const without = await call(
        procedure.path,
        procedure.type,
        input(world.acme),
        acmeKey(grantable.filter((p) => p !== permission)),
      );
      if (without.ok || without.error.code !== "FORBIDDEN" || !/scope/.test(without.error.message)) {
        wrong.push(
          `${procedure.path} with every scope but ${permission}: ${without.ok ? "an answer" : without.error.message}`,
        );
      }

      const otherTeam = keyOf(world.globex.teamId, world.people.globexManager.accountId, [permission]);
      const foreign = await call(procedure.path, procedure.type, input(world.acme), otherTeam);
      if (foreign.ok || foreign.error.code !== "NOT_FOUND") {
        wrong.push(`${procedure.path} with another team's key: ${foreign.ok ? "an answer" : foreign.error.code}`);
      }

      const managerMay = checkPermission(permission, { roles: [...managerRoles] }, "filemaker_cloud").allowed;
      const scoped = await call(procedure.path, procedure.type, input(world.acme), acmeKey([permission]));
      const atGate = !scoped.ok && GATE.test(scoped.error.message);
      if (managerMay === atGate || (!scoped.ok && scoped.error.code === "INTERNAL_SERVER_ERROR")) {
        wrong.push(
          `${procedure.path} with the ${permission} scope of a manager's key: ${scoped.ok ? "an answer" : `${scoped.error.code}: ${scoped.error.message}`}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
