import type { EventRule } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";

/**
 * An endpoint the sender disabled because its deliveries kept failing: the team's owner and
 * managers are told, to fix the receiver and enable it again. A person disabling one by hand
 * knows already, so only the system's disabling notifies.
 */
const endpointDisabled: EventRule = {
  action: "webhook.endpoint_disabled",
  async notify(tx, event) {
    if (event.actorType !== "system" || !event.teamId || !event.targetId) return [];
    const after = (event.after ?? {}) as { url?: string; description?: string };
    const host = after.url ? new URL(after.url).host : "";
    const endpoint = after.description ? `${after.description} (${host})` : host;
    const accountIds = await teamManagerAccountIds(tx, event.teamId);
    return accountIds.map((accountId) => ({
      accountId,
      kind: "webhook_endpoint_disabled" as const,
      teamId: event.teamId,
      params: { endpoint },
      link: `/teams/${event.teamId}/settings/webhooks/${event.targetId}`,
    }));
  },
};

export const webhookRules: EventRule[] = [endpointDisabled];
