import { and, inArray, isNull } from "drizzle-orm";
import { accounts, notifications } from "@/db/schema";
import type { EventSink, NotificationDraft } from "../events/event-rule";
import { rulesFor } from "../events/rules";
import { isConsolePath } from "./console-path";
import { mailNotifications } from "./notification-mail";

/**
 * Turns an event into notifications by its action's rules, one per person and kind. The
 * unique (event, account, kind) key makes a repeated fan-out of the same event add nothing,
 * and only notifications added now are mailed, so nobody gets a mail twice either.
 */
export const notificationsSink: EventSink = {
  name: "notifications",
  async fanOut(tx, event, now) {
    const drafts: NotificationDraft[] = [];
    for (const rule of rulesFor(event.action)) drafts.push(...(await rule.notify(tx, event)));
    if (drafts.length === 0) return;
    const bad = drafts.find((draft) => !isConsolePath(draft.link));
    if (bad) throw new Error(`The rule for ${event.action} links outside the console: ${JSON.stringify(bad.link)}`);
    // Erased and deleted people get nothing.
    const people = await tx
      .select({ id: accounts.id, email: accounts.email, name: accounts.name, language: accounts.language })
      .from(accounts)
      .where(
        and(
          inArray(accounts.id, [...new Set(drafts.map((draft) => draft.accountId))]),
          isNull(accounts.pseudonymisedAt),
        ),
      );
    const known = new Set(people.map((person) => person.id));
    const kept = drafts.filter((draft) => known.has(draft.accountId));
    if (kept.length === 0) return;
    const added = await tx
      .insert(notifications)
      .values(kept.map((draft) => ({ ...draft, eventId: event.id, createdAt: event.occurredAt })))
      .onConflictDoNothing()
      .returning();
    await mailNotifications(tx, added, people, now);
  },
};
