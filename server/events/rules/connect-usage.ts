import type { EventRule, NotificationDraft } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";

interface UsageFacts {
  requests: number;
  requestLimit: number;
  percent?: number;
}

/** Managers hear when a Claris Connect team nears and reaches its monthly API requests. */
export const connectUsageRules: EventRule[] = [
  {
    action: "connect.usage_warning",
    notify: async (tx, event) => {
      if (!event.teamId) return [];
      const facts = event.after as UsageFacts;
      return drafts(await teamManagerAccountIds(tx, event.teamId), {
        kind: "connect_usage_warning",
        teamId: event.teamId,
        params: { percent: facts.percent ?? 80, requests: facts.requests, requestLimit: facts.requestLimit },
        link: `/teams/${event.teamId}/home`,
      });
    },
  },
  {
    action: "connect.flows_suspended",
    notify: async (tx, event) => {
      if (!event.teamId) return [];
      const facts = event.after as UsageFacts;
      return drafts(await teamManagerAccountIds(tx, event.teamId), {
        kind: "connect_flows_suspended",
        teamId: event.teamId,
        params: { requests: facts.requests, requestLimit: facts.requestLimit },
        link: `/teams/${event.teamId}/subscription`,
      });
    },
  },
];

function drafts(accountIds: string[], draft: Omit<NotificationDraft, "accountId">): NotificationDraft[] {
  return accountIds.map((accountId) => ({ ...draft, accountId }));
}
