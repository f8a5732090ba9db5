import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import type { DispatchedEvent, NotificationDraft } from "../event-rule";

/** The team's name as the notification shows it in its title. */
export async function teamNameOf(db: Queryable, teamId: string): Promise<string> {
  const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return team?.name ?? "";
}

/** The same notification for each of the people, leaving out whoever made the change: they know. */
export function draftsFor(
  event: DispatchedEvent,
  accountIds: readonly string[],
  draft: Omit<NotificationDraft, "accountId">,
): NotificationDraft[] {
  const actor = event.actorType === "account" ? event.actorId : null;
  return [...new Set(accountIds)].filter((id) => id !== actor).map((accountId) => ({ ...draft, accountId }));
}

/** A value of the event's before/after, when it is a string. */
export function textIn(value: unknown, key: string): string | null {
  const found = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === "string" ? found : null;
}

/** A timestamp of the event's before/after as milliseconds, the form ICU dates take in params. */
export function timeIn(value: unknown, key: string): number | null {
  const text = textIn(value, key);
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}
