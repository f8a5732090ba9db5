import type { EventRule } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";
import { draftsFor, teamNameOf, textIn } from "./drafts";

/** What stops a team's people working: every seat taken, a server gone silent, a domain's proof gone. */
export const teamHealthRules: EventRule[] = [
  {
    action: "subscription.seats_filled",
    async notify(tx, event) {
      if (!event.teamId) return [];
      const seats = (event.after as { seats?: unknown } | null)?.seats;
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "seat_limit_reached",
        teamId: event.teamId,
        params: { team: await teamNameOf(tx, event.teamId), seats: typeof seats === "number" ? seats : 0 },
        link: `/teams/${event.teamId}/users`,
      });
    },
  },
  {
    action: "host.unreachable",
    async notify(tx, event) {
      if (!event.teamId || !event.targetId) return [];
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "host_unreachable",
        teamId: event.teamId,
        params: { team: await teamNameOf(tx, event.teamId), host: textIn(event.after, "name") ?? "" },
        link: `/teams/${event.teamId}/hosts/${event.targetId}`,
      });
    },
  },
  {
    action: "domain.lost",
    async notify(tx, event) {
      if (!event.teamId) return [];
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "identity_provider_failure",
        teamId: event.teamId,
        params: {
          team: await teamNameOf(tx, event.teamId),
          problem: "domain_lost",
          subject: textIn(event.before, "domain") ?? "",
        },
        link: `/teams/${event.teamId}/settings/domains`,
      });
    },
  },
];
