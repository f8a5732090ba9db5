import type { EventRule } from "../event-rule";
import { accountTransferRules } from "./account-transfers";
import { billingRules } from "./billing";
import { connectUsageRules } from "./connect-usage";
import { ownershipRules } from "./ownership";
import { supportRules } from "./support";
import { teamHealthRules } from "./team-health";
import { webhookRules } from "./webhooks";

/** Every rule file's rules: one more area is one more import and one more spread here. */
export const EVENT_RULES: readonly EventRule[] = [
  ...ownershipRules,
  ...supportRules,
  ...billingRules,
  ...teamHealthRules,
  ...accountTransferRules,
  ...webhookRules,
  ...connectUsageRules,
];

const byAction = new Map<string, EventRule[]>();
for (const rule of EVENT_RULES) byAction.set(rule.action, [...(byAction.get(rule.action) ?? []), rule]);

/** The rules of one audit action; most actions have none. */
export function rulesFor(action: string): readonly EventRule[] {
  return byAction.get(action) ?? [];
}
