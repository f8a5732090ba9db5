import { DAY_MS } from "@/lib/time";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export type AlertSeverity = "critical" | "high" | "medium";

/**
 * Every security alert the console raises, with its severity and its window: a second alert of
 * the same rule, team and subject inside the window is counted on the first and tells nobody.
 * `ownerToldByItsChange`: break-glass access already mails the owner and notifies the managers
 * itself, so its alert goes to the operator only and the owner is not told twice.
 */
export const ALERT_RULES = {
  failed_sign_ins_team: { severity: "high", windowMs: HOUR_MS },
  failed_sign_ins_address: { severity: "medium", windowMs: HOUR_MS },
  break_glass_support: { severity: "high", windowMs: HOUR_MS, ownerToldByItsChange: true },
  break_glass_sign_in: { severity: "high", windowMs: HOUR_MS, ownerToldByItsChange: true },
  two_step_disabled: { severity: "high", windowMs: HOUR_MS },
  team_two_step_requirement_off: { severity: "high", windowMs: HOUR_MS },
  ownership_transferred: { severity: "high", windowMs: HOUR_MS },
  api_key_created: { severity: "medium", windowMs: HOUR_MS },
  identity_provider_created: { severity: "medium", windowMs: HOUR_MS },
  audit_chain_broken: { severity: "critical", windowMs: DAY_MS },
} as const satisfies Record<string, { severity: AlertSeverity; windowMs: number; ownerToldByItsChange?: true }>;

export type AlertRule = keyof typeof ALERT_RULES;

/** Failed sign-ins are counted in windows this long, from the first failure of a window. */
export const FAILED_SIGN_IN_WINDOW_MS = 15 * MINUTE_MS;
/** Failures against one address within the window that raise an alert: half the address lock's 20. */
export const ADDRESS_FAILURE_THRESHOLD = 10;
/** Failures against the members of one team within the window that raise an alert: a spray over its people. */
export const TEAM_FAILURE_THRESHOLD = 25;
