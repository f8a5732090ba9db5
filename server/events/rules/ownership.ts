import { and, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import type { EventRule } from "../event-rule";
import { teamNameOf } from "./drafts";

/** The member offered the team hears of it where they accept it: the team's pages show the offer. */
export const ownershipRules: EventRule[] = [
  {
    action: "ownership.transfer_requested",
    async notify(tx, event) {
      if (!event.teamId || !event.targetId) return [];
      const [member] = await tx
        .select({ accountId: memberships.accountId })
        .from(memberships)
        .where(and(eq(memberships.teamId, event.teamId), eq(memberships.id, event.targetId)));
      if (!member) return [];
      return [
        {
          accountId: member.accountId,
          kind: "ownership_offer",
          teamId: event.teamId,
          params: { team: await teamNameOf(tx, event.teamId) },
          link: `/teams/${event.teamId}/home`,
        },
      ];
    },
  },
];
