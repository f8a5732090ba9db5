import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withIndexesRebuilt } from "./rebuild-indexes";

const FIRST = [
  "North",
  "Blue",
  "Alpine",
  "Harbor",
  "Silver",
  "Cedar",
  "Summit",
  "River",
  "Golden",
  "Prairie",
  "Coastal",
  "Iron",
  "Maple",
  "Granite",
  "Lakeside",
  "Pioneer",
  "Redwood",
  "Sterling",
  "Willow",
  "Atlas",
];
const SECOND = [
  "Dental",
  "Logistics",
  "Brewing",
  "Clinic",
  "Analytics",
  "Robotics",
  "Bakery",
  "Law",
  "Studios",
  "Freight",
  "Optics",
  "Pharma",
  "Realty",
  "Textiles",
  "Energy",
  "Foods",
  "Media",
  "Motors",
  "Labs",
  "Supply",
  "Marine",
  "Farms",
  "Systems",
];
const SUFFIX = ["GmbH", "Ltd", "Inc", "LLC", "AG", "SA", "BV", "Co"];

const words = (list: string[]) => sql.raw(`array[${list.map((w) => `'${w}'`).join(",")}]`);

/**
 * Fills the platform to a million accounts: `teams` teams with varied names, each with an
 * owner and `accounts / teams - 1` members. The non-constraint indexes of accounts and
 * memberships are dropped for the insert and built again after it, which is several times
 * faster than maintaining them (the trigram indexes above all) row by row.
 */
export async function fillTeams(db: Database, size: { teams: number; accounts: number }) {
  const perTeam = Math.floor(size.accounts / size.teams);
  // Ids derived from the numbers, so the memberships need no join to find their team and account.
  const teamId = (k: string) => sql.raw(`md5('bench-team-' || ${k})::uuid`);
  const accountId = (n: string) => sql.raw(`md5('bench-account-' || ${n})::uuid`);
  await withIndexesRebuilt(db, ["accounts", "memberships"], async () => {
    await db.execute(sql`
      insert into teams (id, name, product, status, created_at)
      select ${teamId("i")},
             (${words(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${words(SECOND)})[1 + (i / ${FIRST.length}) % ${SECOND.length}]
               || ' ' || initcap(substr(md5(i::text), 1, 5)) || ' ' || (${words(SUFFIX)})[1 + i % ${SUFFIX.length}],
             (case when i % 3 = 0 then 'claris_connect' else 'filemaker_cloud' end)::product,
             (case when i % 50 = 0 then 'terminated' when i % 7 = 0 then 'trial' else 'active' end)::team_status,
             now() - (i % 1000) * interval '1 day'
      from generate_series(1, ${size.teams}) i`);
    // Account n is in team (n - 1) / perTeam + 1 and owns it when it is the first of its team.
    await db.execute(sql`
      insert into accounts (id, email, name, last_sign_in_at, email_verified_at)
      select ${accountId("n")},
             case when (n - 1) % ${perTeam} = 0
               then 'owner' || ((n - 1) / ${perTeam} + 1) || '@' || lower((${words(SECOND)})[1 + n % ${SECOND.length}]) || ((n - 1) / ${perTeam} % 997) || '.example'
               else 'user' || n || '@bench' || (n % 500) || '.example' end,
             initcap(substr(md5(n::text), 1, 6)) || ' ' || initcap(substr(md5((n * 7)::text), 1, 9)),
             case when n % 5 <> 0 then now() - (n % 9000) * interval '37 minutes' end,
             now()
      from generate_series(1, ${perTeam * size.teams}) n`);
    await db.execute(sql`
      insert into memberships (team_id, account_id, role, licensed, status)
      select ${teamId(`((n - 1) / ${perTeam} + 1)`)}, ${accountId("n")},
             (case when (n - 1) % ${perTeam} = 0 then 'owner' when n % 20 = 0 then 'manager' else 'member' end)::membership_role,
             n % 3 = 0, 'active'::membership_status
      from generate_series(1, ${perTeam * size.teams}) n`);
  });
  await db.execute(sql`analyze`);
}
