import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { NOTIFICATION_KINDS, type NotificationKind } from "../events/notification-kinds";
import { ownAccountId } from "./own-account";

/** Per kind: whether it comes by email too, and whether the person may choose (mailed by its change: no). */
export async function emailPreferences(db: Queryable, ctx: DomainContext) {
  const rows = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.accountId, ownAccountId(ctx)));
  const chosen = new Map(rows.map((row) => [row.kind, row.email]));
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => {
    const { emailByDefault, mailedByItsChange } = NOTIFICATION_KINDS[kind];
    return {
      kind,
      email: mailedByItsChange || (chosen.get(kind) ?? emailByDefault),
      choosable: !mailedByItsChange,
    };
  });
}

/**
 * Saves the person's email choice for each kind they may choose (a kind mailed by its change is
 * left as it is), audited on the platform's chain like the account's other settings.
 */
export async function setEmailPreferences(
  db: Queryable,
  ctx: DomainContext,
  input: { email: Partial<Record<NotificationKind, boolean>> },
): Promise<void> {
  const accountId = ownAccountId(ctx);
  const now = ctx.clock.now();
  const choices = (Object.entries(input.email) as Array<[NotificationKind, boolean]>).filter(
    ([kind]) => !NOTIFICATION_KINDS[kind].mailedByItsChange,
  );
  if (choices.length === 0) return;
  await db.transaction(async (tx) => {
    const before = Object.fromEntries((await emailPreferences(tx, ctx)).map((choice) => [choice.kind, choice.email]));
    await tx
      .insert(notificationPreferences)
      .values(choices.map(([kind, email]) => ({ accountId, kind, email, updatedAt: now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.accountId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: now },
      });
    const changed = choices.filter(([kind, email]) => before[kind] !== email);
    if (changed.length === 0) return;
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: null,
      action: "account.email_preferences_changed",
      target: { type: "account", id: accountId },
      before: Object.fromEntries(changed.map(([kind]) => [kind, before[kind]])),
      after: Object.fromEntries(changed),
    });
  });
}
