import { z } from "zod";
import type { Transaction } from "@/db/client";
import { TRANSFER_REQUEST_DAYS } from "../../account-transfers/transfer-rules";
import type { DispatchedEvent, EventRule, NotificationDraft } from "../event-rule";
import { teamManagerAccountIds } from "../recipients";

/** What every account transfer event carries in `after` (see server/account-transfers/transfer-audit.ts). */
const transferEvent = z.object({
  transferId: z.string(),
  accountId: z.string(),
  email: z.string(),
  fromTeamId: z.string(),
  fromTeamName: z.string(),
  toTeamId: z.string(),
  toTeamName: z.string(),
  outApprovalRequired: z.boolean(),
  inApprovalRequired: z.boolean(),
  side: z.enum(["out", "in"]).optional(),
  reason: z.string().nullable().optional(),
  licence: z.enum(["taken", "noSeatFree", "none"]).optional(),
});
type TransferEvent = z.infer<typeof transferEvent>;

/** Each transfer event is in both teams' logs; a rule acts on one copy, else the person hears it twice. */
function read(event: DispatchedEvent, copyOf: (facts: TransferEvent) => string): TransferEvent | null {
  const parsed = transferEvent.safeParse(event.after);
  if (!parsed.success || event.teamId !== copyOf(parsed.data)) return null;
  return parsed.data;
}

const sideTeamId = (facts: TransferEvent) => (facts.side === "out" ? facts.fromTeamId : facts.toTeamId);
const sideTeamName = (facts: TransferEvent) => (facts.side === "out" ? facts.fromTeamName : facts.toTeamName);

function toThePerson(
  facts: TransferEvent,
  teamId: string,
  params: Record<string, string | number>,
  link: string,
): NotificationDraft[] {
  return [
    {
      accountId: facts.accountId,
      kind: "account_transfer_answer",
      teamId,
      params: { fromTeam: facts.fromTeamName, toTeam: facts.toTeamName, ...params },
      link,
    },
  ];
}

/** The managers of each team that must approve hear of the request, from their own team's copy of the event. */
const requested: EventRule = {
  action: "account_transfer.requested",
  async notify(tx: Transaction, event: DispatchedEvent) {
    const facts = transferEvent.safeParse(event.after);
    if (!facts.success || !event.teamId) return [];
    const { data } = facts;
    const side =
      event.teamId === data.fromTeamId && data.outApprovalRequired
        ? "out"
        : event.teamId === data.toTeamId && data.inApprovalRequired
          ? "in"
          : null;
    if (!side) return [];
    const teamId = event.teamId;
    const managers = await teamManagerAccountIds(tx, teamId);
    return managers
      .filter((accountId) => accountId !== data.accountId)
      .map((accountId) => ({
        accountId,
        kind: "account_transfer_request" as const,
        teamId,
        params: {
          email: data.email,
          direction: side,
          fromTeam: data.fromTeamName,
          toTeam: data.toTeamName,
          days: TRANSFER_REQUEST_DAYS,
        },
        link: `/teams/${teamId}/users/transfers`,
      }));
  },
};

const allowed: EventRule = {
  action: "account_transfer.allowed",
  async notify(_tx, event) {
    const facts = read(event, sideTeamId);
    if (!facts) return [];
    const otherStillNeeded = facts.side === "out" ? facts.inApprovalRequired : facts.outApprovalRequired;
    return toThePerson(
      facts,
      sideTeamId(facts),
      { outcome: "allowed", team: sideTeamName(facts), waiting: otherStillNeeded ? "yes" : "no" },
      "/profile",
    );
  },
};

const denied: EventRule = {
  action: "account_transfer.denied",
  async notify(_tx, event) {
    const facts = read(event, sideTeamId);
    if (!facts) return [];
    return toThePerson(
      facts,
      sideTeamId(facts),
      {
        outcome: "denied",
        team: sideTeamName(facts),
        hasReason: facts.reason ? "yes" : "no",
        reason: facts.reason ?? "",
      },
      "/profile",
    );
  },
};

const completed: EventRule = {
  action: "account_transfer.completed",
  async notify(_tx, event) {
    const facts = read(event, (f) => f.toTeamId);
    if (!facts) return [];
    return toThePerson(
      facts,
      facts.toTeamId,
      { outcome: "completed", team: facts.toTeamName, licence: facts.licence ?? "none" },
      `/teams/${facts.toTeamId}/home`,
    );
  },
};

const expired: EventRule = {
  action: "account_transfer.expired",
  async notify(_tx, event) {
    const facts = read(event, (f) => f.toTeamId);
    if (!facts) return [];
    return toThePerson(
      facts,
      facts.toTeamId,
      { outcome: "expired", team: facts.toTeamName, days: TRANSFER_REQUEST_DAYS },
      "/profile",
    );
  },
};

export const accountTransferRules: EventRule[] = [requested, allowed, denied, completed, expired];
