import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "@/db/client";
import { noRequest, systemActor } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { erasePerson } from "./erase-person";
import { FORMER_MEMBER_NAMES } from "./former-member";

interface DueDeparture {
  team_id: string;
  account_id: string;
  email: string;
  left_at: Date | string;
  days: number;
}

/**
 * People who left a team (removed, transferred out, or deactivated and not reactivated) at least the team's
 * `departed_user_retention_days` ago, whose personal data the team still holds. When they
 * left is read from the team's audit log, the record of every departure.
 */
function dueDepartures(now: Date, limit: number) {
  return sql`
    select d.team_id, d.account_id, a.email, d.left_at, s.departed_user_retention_days as days
    from team_settings s
    join lateral (
      select e.team_id, coalesce((e."before" ->> 'accountId')::uuid, m.account_id) as account_id, max(e.occurred_at) as left_at
      from audit_events e
      left join memberships m on m.team_id = e.team_id and m.id::text = e.target_id
      where e.team_id = s.team_id and e.action in ('membership.removed', 'membership.deactivated', 'account_transfer.completed')
      group by 1, 2
    ) d on true
    join accounts a on a.id = d.account_id
    left join memberships current on current.team_id = d.team_id and current.account_id = d.account_id
    where d.left_at <= ${now.toISOString()}::timestamptz - make_interval(days => s.departed_user_retention_days)
      and (current.id is null or current.status = 'deactivated')
      and exists (
        select 1 from audit_personal_fields p
        where p.team_id = d.team_id and p.salt is not null and (p.account_id = d.account_id or p.email_key = lower(a.email))
      )
    order by d.left_at
    limit ${limit}`;
}

/**
 * Erases, within each team, the personal data of people who left it once the team's
 * retention has passed: their values in the team's audit events, invitations and team mail.
 * Each person is erased in a transaction of its own, locked row by row, so servers running this
 * at once erase (and audit) each departure once.
 */
export async function runDepartedRetentionJob(db: Database, clock: Clock, batchSize = 50): Promise<{ erased: number }> {
  const ctx: DomainContext = { actor: systemActor("Departed-user retention"), clock, request: noRequest };
  const due = rowsOf<DueDeparture>(await db.execute(dueDepartures(clock.now(), batchSize)));
  let erased = 0;
  for (const departure of due) {
    const done = await db.transaction(async (tx) => {
      const now = clock.now();
      const result = await erasePerson(tx, {
        accountId: departure.account_id,
        email: departure.email,
        teamId: departure.team_id,
        names: FORMER_MEMBER_NAMES,
        now,
      });
      if (result.auditValues + result.invitations + result.mails === 0) return false;
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: departure.team_id,
        action: "membership.personal_data_erased",
        target: { type: "account", id: departure.account_id },
        after: { leftAt: new Date(departure.left_at), retentionDays: departure.days, erased: result },
      });
      return true;
    });
    if (done) erased += 1;
  }
  return { erased };
}
