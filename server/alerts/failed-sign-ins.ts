import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { accounts, failedSignInCounters, memberships } from "@/db/schema";
import {
  ADDRESS_FAILURE_THRESHOLD,
  type AlertRule,
  FAILED_SIGN_IN_WINDOW_MS,
  TEAM_FAILURE_THRESHOLD,
} from "./alert-rules";
import { raiseAlert } from "./raise-alert";

/** The address as alerts and counters name it: a SHA-256 digest, which an operator can compute from an address they suspect. */
export function addressDigest(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/**
 * Counts one wrong password against the address and against every team the address's account
 * is an active member of. Failures are not audit events (a spray would flood the chains): they
 * are counted here, in a window from the first failure, and the failure that reaches a
 * threshold raises one alert. Teams are counted in id order, so concurrent failures lock the
 * counters in the same order.
 */
export async function countFailedSignIn(db: Queryable, email: string, now: Date): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(sql`lower(${accounts.email})`, address), isNull(accounts.pseudonymisedAt)));
    const teams = account
      ? await tx
          .select({ teamId: memberships.teamId })
          .from(memberships)
          .where(and(eq(memberships.accountId, account.id), eq(memberships.status, "active")))
          .orderBy(memberships.teamId)
      : [];
    const digest = addressDigest(address);
    await countAndRaise(tx, now, {
      key: `address:${digest}`,
      threshold: ADDRESS_FAILURE_THRESHOLD,
      rule: "failed_sign_ins_address",
      teamId: null,
      subject: `address:${digest}`,
      accountId: account?.id ?? null,
    });
    for (const { teamId } of teams) {
      await countAndRaise(tx, now, {
        key: `team:${teamId}`,
        threshold: TEAM_FAILURE_THRESHOLD,
        rule: "failed_sign_ins_team",
        teamId,
        subject: "sign-in",
        accountId: null,
      });
    }
  });
}

async function countAndRaise(
  tx: Transaction,
  now: Date,
  counter: {
    key: string;
    threshold: number;
    rule: AlertRule;
    teamId: string | null;
    subject: string;
    accountId: string | null;
  },
): Promise<void> {
  const windowStartsAfter = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS).toISOString();
  const newWindow = sql`${failedSignInCounters.windowStartedAt} <= ${windowStartsAfter}::timestamptz`;
  const [row] = await tx
    .insert(failedSignInCounters)
    .values({ key: counter.key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: failedSignInCounters.key,
      set: {
        failures: sql`case when ${newWindow} then 1 else ${failedSignInCounters.failures} + 1 end`,
        windowStartedAt: sql`case when ${newWindow} then ${now.toISOString()}::timestamptz else ${failedSignInCounters.windowStartedAt} end`,
      },
    })
    .returning({ failures: failedSignInCounters.failures });
  if (row?.failures !== counter.threshold) return;
  await raiseAlert(
    tx,
    {
      rule: counter.rule,
      teamId: counter.teamId,
      subject: counter.subject,
      details: {
        failures: counter.threshold,
        windowMinutes: FAILED_SIGN_IN_WINDOW_MS / 60_000,
        ...(counter.teamId ? {} : { accountId: counter.accountId }),
      },
    },
    now,
  );
}
