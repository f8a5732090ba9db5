import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { notifications } from "@/db/schema";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { notificationsOf } from "./list-notifications";
import { ownAccountId } from "./own-account";

/**
 * Opening a notification: marks it read and answers where it leads (null when its team can no
 * longer be opened). Another person's notification is not found, as if it did not exist.
 */
export async function openNotification(
  db: Queryable,
  ctx: DomainContext,
  input: { id: string },
): Promise<{ link: string | null }> {
  const accountId = ownAccountId(ctx);
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const [row] = await notificationsOf(tx, accountId, eq(notifications.id, input.id), 1);
    if (!row) throw new DomainError("NOT_FOUND", "thisNotificationIsGone");
    if (!row.readAt) {
      await tx
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.id, input.id), eq(notifications.accountId, accountId)));
    }
    return { link: row.link };
  });
}

/** Marks every unread notification of the person read, or only those of one team. */
export async function markAllNotificationsRead(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId?: string },
): Promise<{ marked: number }> {
  const accountId = ownAccountId(ctx);
  const marked = await db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(
        eq(notifications.accountId, accountId),
        isNull(notifications.readAt),
        input.teamId ? eq(notifications.teamId, input.teamId) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: marked.length };
}

/** Deletes one of the person's notifications; another person's is not found. */
export async function deleteNotification(db: Queryable, ctx: DomainContext, input: { id: string }): Promise<void> {
  const accountId = ownAccountId(ctx);
  const deleted = await db
    .delete(notifications)
    .where(and(eq(notifications.id, input.id), eq(notifications.accountId, accountId)))
    .returning({ id: notifications.id });
  if (deleted.length === 0) throw new DomainError("NOT_FOUND", "thisNotificationIsGone");
}
