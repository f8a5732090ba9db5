import type { Transaction } from "@/db/client";
import { invitationGroups, invitations } from "@/db/schema";
import { actingAccountId } from "../actor";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { actorLocale } from "../i18n/reader-locale";
import { enqueueMails } from "../mail/enqueue-mail";
import { invitationMail, type SharedApp } from "./invitation-mail";
import { invitationExpiry, newInvitationToken } from "./invitation-token";
import type { InvitingTeam } from "./invitee-checks";

export interface NewInvitation {
  email: string;
  name?: string | null;
  role: "manager" | "member";
  licensed: boolean;
  groupIds: string[];
  /** The custom app the invitation was sent to share, named in its mail. */
  app?: SharedApp | null;
}

/**
 * Writes checked invitations, their groups and their mails in a few multi-row statements
 * (an import writes hundreds at once). Seats must have been claimed by the caller.
 */
export async function createInvitations(
  tx: Transaction,
  ctx: DomainContext,
  team: InvitingTeam,
  rows: readonly NewInvitation[],
) {
  if (rows.length === 0) return [];
  const now = ctx.clock.now();
  const invitedBy = actingAccountId(ctx.actor);
  const locale = await actorLocale(tx, ctx);
  const tokens = rows.map(() => newInvitationToken());
  const created = await tx
    .insert(invitations)
    .values(
      rows.map((row, i) => ({
        teamId: team.id,
        email: row.email,
        name: row.name ?? null,
        role: row.role,
        licensed: row.licensed,
        tokenHash: tokens[i]!.tokenHash,
        invitedByAccountId: invitedBy,
        createdAt: now,
        expiresAt: invitationExpiry(now),
      })),
    )
    .returning({ id: invitations.id, tokenHash: invitations.tokenHash });
  const idByHash = new Map(created.map((c) => [c.tokenHash, c.id]));
  const ids = tokens.map((t) => idByHash.get(t.tokenHash)!);
  const groupRows = rows.flatMap((row, i) =>
    row.groupIds.map((groupId) => ({ teamId: team.id, invitationId: ids[i]!, groupId })),
  );
  if (groupRows.length > 0) await tx.insert(invitationGroups).values(groupRows).onConflictDoNothing();
  await enqueueMails(
    tx,
    rows.map((row, i) =>
      invitationMail({ teamId: team.id, teamName: team.name, ...row, token: tokens[i]!.token, locale }),
    ),
    now,
  );
  return rows.map((row, i) => ({ id: ids[i]!, ...row }));
}

/** One `invitation.created` event per invitation, naming the app it shares if it does. */
export async function recordInvitationsCreated(
  tx: Transaction,
  ctx: DomainContext,
  teamId: string,
  created: Awaited<ReturnType<typeof createInvitations>>,
) {
  for (const invitation of created) {
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId,
      action: "invitation.created",
      target: { type: "invitation", id: invitation.id },
      after: {
        email: invitation.email,
        role: invitation.role,
        licensed: invitation.licensed,
        groupIds: invitation.groupIds,
        ...(invitation.app ? { customAppId: invitation.app.id, customApp: invitation.app.name } : {}),
      },
    });
  }
}
