import type { EventRule } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";
import { draftsFor, teamNameOf, textIn, timeIn } from "./drafts";

/** Support looking at a team, and sign-ins past its single sign-on: its managers hear of each. */
export const supportRules: EventRule[] = [
  {
    action: "support.access_granted",
    async notify(tx, event) {
      if (!event.teamId) return [];
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "support_access_granted",
        teamId: event.teamId,
        params: {
          team: await teamNameOf(tx, event.teamId),
          by: event.actorLabel,
          endsAt: timeIn(event.after, "endsAt") ?? event.occurredAt.getTime(),
        },
        link: `/teams/${event.teamId}/settings`,
      });
    },
  },
  {
    action: "support.session.started",
    async notify(tx, event) {
      if (!event.teamId) return [];
      const breakGlass = (event.after as { breakGlass?: unknown } | null)?.breakGlass === true;
      const team = await teamNameOf(tx, event.teamId);
      const staff = event.actorLabel;
      const reason = textIn(event.after, "reason") ?? "";
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: breakGlass ? "support_break_glass" : "support_session_opened",
        teamId: event.teamId,
        params: breakGlass ? { team, via: "support", who: staff, reason } : { team, staff, reason },
        link: `/teams/${event.teamId}/audit`,
      });
    },
  },
  {
    action: "account.break_glass_signed_in",
    async notify(tx, event) {
      if (!event.teamId) return [];
      return draftsFor(event, await teamManagerAccountIds(tx, event.teamId), {
        kind: "support_break_glass",
        teamId: event.teamId,
        params: { team: await teamNameOf(tx, event.teamId), via: "password", who: event.actorLabel, reason: "" },
        link: `/teams/${event.teamId}/audit`,
      });
    },
  },
];
