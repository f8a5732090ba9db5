import type { EventRule } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";
import { draftsFor, teamNameOf } from "./drafts";

/** The figures a Claris Connect usage alert recorded. */
function usageIn(value: unknown): { requests: number; requestLimit: number; percent: number } {
  const facts = (value ?? {}) as Record<string, unknown>;
  const number = (key: string) => (typeof facts[key] === "number" ? (facts[key] as number) : 0);
  return { requests: number("requests"), requestLimit: number("requestLimit"), percent: number("percent") };
}

/** Managers hear when a Claris Connect team nears and reaches its monthly API requests. */
export const connectUsageRules: EventRule[] = [
  {
    action: "connect.usage_warning",
    async notify(tx, event) {
      if (!event.teamId) return [];
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "connect_usage_warning",
        teamId: event.teamId,
        params: { team: await teamNameOf(tx, event.teamId), ...usageIn(event.after) },
        link: `/teams/${event.teamId}/home`,
      });
    },
  },
  {
    action: "connect.flows_suspended",
    async notify(tx, event) {
      if (!event.teamId) return [];
      const { requests, requestLimit } = usageIn(event.after);
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "connect_flows_suspended",
        teamId: event.teamId,
        params: { team: await teamNameOf(tx, event.teamId), requests, requestLimit },
        link: `/teams/${event.teamId}/subscription`,
      });
    },
  },
];
