import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships } from "@/db/schema";
import type { DispatchedEvent } from "../events/event-rule";
import { textIn } from "../events/rules/drafts";
import type { AlertInput } from "./raise-alert";

type EventAlerts = (tx: Transaction, event: DispatchedEvent) => Promise<AlertInput[]>;

function valueIn(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/** Who did it, as the subject of alerts that count one person's repeats: "account:<id>", "staff:<id>". */
function actorSubject(event: DispatchedEvent): string {
  return `${event.actorType}:${event.actorId ?? "none"}`;
}

/** The audit actions that raise alerts, each with the alerts it raises; details are ids and kinds only. */
const ALERTS_BY_ACTION: Record<string, EventAlerts> = {
  "support.session.started": async (_tx, event) =>
    event.teamId && valueIn(event.after, "breakGlass") === true
      ? [
          {
            rule: "break_glass_support",
            teamId: event.teamId,
            subject: actorSubject(event),
            details: { staffId: event.actorId, supportSessionId: event.targetId },
          },
        ]
      : [],
  "account.break_glass_signed_in": async (_tx, event) =>
    event.teamId
      ? [
          {
            rule: "break_glass_sign_in",
            teamId: event.teamId,
            subject: `account:${event.targetId}`,
            details: { accountId: event.targetId },
          },
        ]
      : [],
  // Recorded on the platform's chain: every team the account owns or manages hears of it.
  "account.two_step_disabled": async (tx, event) => {
    if (!event.targetId) return [];
    const roles = await tx
      .select({ teamId: memberships.teamId, role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.accountId, event.targetId),
          eq(memberships.status, "active"),
          inArray(memberships.role, ["owner", "manager"]),
        ),
      );
    return roles.map(({ teamId, role }) => ({
      rule: "two_step_disabled",
      teamId,
      subject: `account:${event.targetId}`,
      details: { accountId: event.targetId, role },
    }));
  },
  "settings.updated": async (_tx, event) =>
    event.teamId && valueIn(event.before, "mfaRequired") === true && valueIn(event.after, "mfaRequired") === false
      ? [
          {
            rule: "team_two_step_requirement_off",
            teamId: event.teamId,
            subject: "team-settings",
            details: { actorType: event.actorType, actorId: event.actorId },
          },
        ]
      : [],
  "ownership.transferred": async (_tx, event) =>
    event.teamId
      ? [
          {
            rule: "ownership_transferred",
            teamId: event.teamId,
            subject: `membership:${event.targetId}`,
            details: {
              fromMembershipId: textIn(event.before, "ownerMembershipId"),
              toMembershipId: textIn(event.after, "ownerMembershipId"),
            },
          },
        ]
      : [],
  "api_key.created": async (_tx, event) =>
    event.teamId
      ? [
          {
            rule: "api_key_created",
            teamId: event.teamId,
            subject: actorSubject(event),
            details: { apiKeyId: event.targetId, actorType: event.actorType, actorId: event.actorId },
          },
        ]
      : [],
  "identity_provider.created": async (_tx, event) =>
    event.teamId
      ? [
          {
            rule: "identity_provider_created",
            teamId: event.teamId,
            subject: actorSubject(event),
            details: { identityProviderId: event.targetId, kind: textIn(event.after, "kind") },
          },
        ]
      : [],
};

/** The alerts one audit event raises; most events raise none. */
export async function alertsOfEvent(tx: Transaction, event: DispatchedEvent): Promise<AlertInput[]> {
  const alertsOf = Object.hasOwn(ALERTS_BY_ACTION, event.action) ? ALERTS_BY_ACTION[event.action] : undefined;
  return alertsOf ? (await alertsOf(tx, event)).map((alert) => ({ ...alert, eventId: event.id })) : [];
}
