import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { createApiClient } from "../testing/api-client";
import { issueTestApiKey } from "../testing/api-keys";
import { demoTeamId } from "../testing/demo";
import { handleRestRequest } from "./handle-rest-request";

const MEMBERS = 100_000;
const database = setUpTestDatabase();
const clock = fixedClock("2026-12-03T09:00:00Z");
let teamId: string;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Initech");
  await database.handle.db.execute(sql`
    insert into accounts (email, name, email_verified_at)
    select 'paged' || i || '@bulk.example', 'Paged ' || lpad(i::text, 6, '0'), now()
    from generate_series(1, ${MEMBERS}) i`);
  await database.handle.db.execute(sql`
    insert into memberships (team_id, account_id, role, status)
    select ${teamId}::uuid, id, 'member', 'active' from accounts where email like 'paged%@bulk.example'`);
  // As after any bulk load: the planner must know the tables grew a thousandfold.
  await database.handle.db.execute(sql`analyze accounts`);
  await database.handle.db.execute(sql`analyze memberships`);
}, 120_000);

describe("paging through the REST Admin API", () => {
  it("lists 100,000 users by cursor with a members.read key, each exactly once", async () => {
    const key = await issueTestApiKey(database.handle.db, {
      teamId,
      creatorEmail: "owner@initech.example",
      scopes: ["members.read"],
      now: clock.now(),
    });
    const api = createApiClient({
      baseUrl: "http://localhost/api/v1",
      apiKey: key.secret,
      fetch: async (input, init) => handleRestRequest(new Request(input, init), { db: database.handle.db, clock }),
    });
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const { data, error } = await api.GET("/users", {
        params: { query: { limit: 500, ...(after ? { after } : {}) } },
      });
      expect(error).toBeUndefined();
      for (const user of data!.data) seen.add(user.id);
      after = data!.next ?? undefined;
      pages++;
    } while (after);
    const paged = [...seen].length;
    expect(paged).toBeGreaterThanOrEqual(MEMBERS);
    expect(pages).toBe(Math.ceil(paged / 500));
  }, 300_000);
});
