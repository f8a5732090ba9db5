import type { Transaction } from "@/db/client";
import type { NotificationKind } from "./notification-kinds";

/** An audit event as the dispatcher hands it on: the source of every notification, mail and webhook. */
export interface DispatchedEvent {
  id: string;
  /** null: the platform's own chain. */
  teamId: string | null;
  seq: number;
  occurredAt: Date;
  actorType: "account" | "staff" | "system" | "api_token" | "scim_token";
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** One notification for one person, made from an event by a rule. */
export interface NotificationDraft {
  accountId: string;
  kind: NotificationKind;
  /** The team it is about: shown with it, used by the filter and to build the link. */
  teamId: string | null;
  /** Values for the kind's title and body in the `notifications` catalog (kinds.<kind>.title / .body). */
  params: Record<string, string | number>;
  /** Where in the console the person acts on it: a path starting with one "/". */
  link: string;
}

/** Turns the events of one audit action into notifications. */
export interface EventRule {
  action: string;
  notify(tx: Transaction, event: DispatchedEvent): Promise<NotificationDraft[]>;
}

/**
 * Something the dispatcher fans each event out to (notifications, webhook deliveries), inside
 * the transaction that moves the dispatch cursor past the event: a crash loses nothing and a
 * retry repeats nothing. A sink only writes rows; sending happens in its own job.
 */
export interface EventSink {
  name: string;
  fanOut(tx: Transaction, event: DispatchedEvent, now: Date): Promise<void>;
}
