import type { AlertRule, AlertSeverity } from "./alert-rules";

/** The event type of every alert the operator's receiver gets. */
export const ALERT_EVENT_TYPE = "security.alert";

export interface AlertRecord {
  id: string;
  rule: AlertRule;
  severity: AlertSeverity;
  teamId: string | null;
  subject: string;
  details: Record<string, string | number | boolean | null>;
  eventId: string | null;
  raisedAt: Date;
  windowEndsAt: Date;
}

/**
 * The Standard Webhooks body `{type, timestamp, data}` sent to the operator: ids, counts and
 * kinds, never an address or a name, so it says no more than the team's audit log does.
 */
export function alertPayload(alert: AlertRecord): string {
  return JSON.stringify({
    type: ALERT_EVENT_TYPE,
    timestamp: alert.raisedAt.toISOString(),
    data: {
      alertId: alert.id,
      rule: alert.rule,
      severity: alert.severity,
      teamId: alert.teamId,
      subject: alert.subject,
      eventId: alert.eventId,
      windowEndsAt: alert.windowEndsAt.toISOString(),
      details: alert.details,
    },
  });
}
