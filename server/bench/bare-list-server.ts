import http from "node:http";
import { env } from "node:process";
import postgres from "postgres";

/**
 * The Users list's first page on a bare node:http server with the `postgres` driver and
 * nothing else: no framework, no session, no access check. What the console's own request
 * path costs is measured against this. Started by bench:http with DATABASE_URL, TEAM_ID, PORT.
 */
const sql = postgres(env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const teamId = env.TEAM_ID!;

const server = http.createServer(async (_request, response) => {
  const members = await sql`
    select m.id, a.id as account_id, a.name, a.email, m.role, m.licensed, m.status,
           coalesce(a.managed_by_team_id = m.team_id, false) as managed,
           a.totp_enabled_at is not null as two_step, a.last_sign_in_at
    from memberships m join accounts a on a.id = m.account_id
    where m.team_id = ${teamId}::uuid
    order by lower(a.name), a.id limit 51`;
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ members: members.slice(0, 50) }));
});
server.listen(Number(env.PORT), "127.0.0.1", () => process.send?.("listening"));
process.on("SIGTERM", () => {
  server.close();
  void sql.end();
});
