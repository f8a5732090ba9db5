import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { subscriptions } from "@/db/schema";

/**
 * Fills a team to bench scale: `members` accounts with names in an order unrelated to their
 * ids (a fifth never signed in, half managed by the team, a tenth with two-step
 * verification), a manager in every hundred, a licence in every three, a deactivated
 * membership in every forty, and `groups` groups sharing the members between them.
 */
export async function fillBenchTeam(db: Database, teamId: string, size: { members: number; groups: number }) {
  await db.execute(sql`
    insert into accounts (email, name, managed_by_team_id, last_sign_in_at, totp_enabled_at, email_verified_at)
    select 'user' || i || '@bench' || (i % 50) || '.example',
           initcap(substr(md5(i::text), 1, 6)) || ' ' || initcap(substr(md5((i * 7)::text), 1, 8)),
           case when i % 2 = 0 then ${teamId}::uuid end,
           case when i % 5 <> 0 then now() - (i % 9000) * interval '37 minutes' end,
           case when i % 10 = 0 then now() end,
           now()
    from generate_series(1, ${size.members}) i`);
  await db.execute(sql`
    insert into memberships (team_id, account_id, role, licensed, status)
    select ${teamId}::uuid, a.id,
           (case when row_number() over () % 100 = 0 then 'manager' else 'member' end)::membership_role,
           row_number() over () % 3 = 0,
           (case when row_number() over () % 40 = 0 then 'deactivated' else 'active' end)::membership_status
    from accounts a where a.email like '%@bench%.example'`);
  await db.execute(sql`
    insert into groups (team_id, name) select ${teamId}::uuid, 'Bench group ' || g from generate_series(1, ${size.groups}) g`);
  await db.execute(sql`
    insert into group_memberships (team_id, group_id, membership_id)
    select m.team_id, g.id, m.id
    from (select id, team_id, row_number() over (order by id) % ${size.groups} + 1 as n from memberships where team_id = ${teamId}::uuid) m
    join groups g on g.team_id = m.team_id and g.name = 'Bench group ' || m.n`);
  await db
    .update(subscriptions)
    .set({ seats: size.members * 2 })
    .where(eq(subscriptions.teamId, teamId));
  // As autovacuum leaves a table in use: its visibility map set, so counts read an index alone.
  await db.execute(sql`vacuum analyze`);
}
