/**
 * The kinds of notification, each with whether it also comes by email when the person has not
 * said otherwise. `mailedByItsChange` kinds are mailed by the change itself (billing notices,
 * the ownership offer), so the preference cannot turn that mail off and the pipeline sends none.
 * `ownerMailedByItsChange` kinds are mailed to the team's owner by the change (break-glass access):
 * the pipeline mails the other recipients by their preference, and not the owner a second time.
 */
export const NOTIFICATION_KINDS = {
  ownership_offer: { emailByDefault: true, mailedByItsChange: true },
  account_transfer_request: { emailByDefault: true, mailedByItsChange: false },
  account_transfer_answer: { emailByDefault: true, mailedByItsChange: false },
  support_access_granted: { emailByDefault: false, mailedByItsChange: false },
  support_session_opened: { emailByDefault: false, mailedByItsChange: false },
  support_break_glass: { emailByDefault: true, mailedByItsChange: false, ownerMailedByItsChange: true },
  subscription_renewed: { emailByDefault: true, mailedByItsChange: true },
  payment_failed: { emailByDefault: true, mailedByItsChange: true },
  trial_ending: { emailByDefault: true, mailedByItsChange: true },
  seat_limit_reached: { emailByDefault: false, mailedByItsChange: false },
  identity_provider_failure: { emailByDefault: true, mailedByItsChange: false },
  host_unreachable: { emailByDefault: true, mailedByItsChange: false },
  webhook_endpoint_disabled: { emailByDefault: true, mailedByItsChange: false },
  connect_usage_warning: { emailByDefault: true, mailedByItsChange: false },
  connect_flows_suspended: { emailByDefault: true, mailedByItsChange: false },
  // Raised and mailed to the owner by server/alerts, never by an event rule.
  security_alert: { emailByDefault: true, mailedByItsChange: true },
} as const satisfies Record<
  string,
  { emailByDefault: boolean; mailedByItsChange: boolean; ownerMailedByItsChange?: boolean }
>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && Object.hasOwn(NOTIFICATION_KINDS, value);
}
