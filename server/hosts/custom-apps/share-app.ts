import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, customAppGroups, groups, memberships } from "@/db/schema";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { joinGroup } from "../../groups/add-group-members";
import { inviteUsers } from "../../invitations/invite-users";
import { isEmailAddress } from "../../invitations/invitee-checks";
import { lockCustomApp } from "./lock-custom-app";

export const MAX_SHARED_AT_ONCE = 50;

/**
 * Lets people use a custom app through one of the groups that may use it: people already in
 * the team join the group at once; everyone else is invited as a licensed member of it, in a
 * mail that names the app, and joins the group on accepting. All or none: too few licences
 * left refuses the whole share.
 */
export async function shareApp(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; customAppId: string; emails: string[]; groupId: string },
): Promise<{ invited: string[]; addedToGroup: string[] }> {
  const seen = new Set<string>();
  const emails = input.emails
    .map((e) => e.trim())
    .filter((e) => e && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
  if (emails.length === 0) throw new DomainError("INVALID_INPUT", "enterAtLeastOneEmailAddress");
  if (emails.length > MAX_SHARED_AT_ONCE) {
    throw new DomainError("INVALID_INPUT", "shareWithAtMostAddressesAtOnce", { max: MAX_SHARED_AT_ONCE });
  }
  const invalid = emails.filter((e) => !isEmailAddress(e));
  if (invalid.length > 0)
    throw new DomainError("INVALID_INPUT", "theseAreNotEmailAddresses", { invalid: invalid.join(", ") });

  return db.transaction(async (tx) => {
    const app = await lockCustomApp(tx, input.teamId, input.customAppId);
    const [group] = await tx
      .select({ id: groups.id, name: groups.name, opensApp: sql<boolean>`${customAppGroups.groupId} is not null` })
      .from(groups)
      .leftJoin(customAppGroups, and(eq(customAppGroups.groupId, groups.id), eq(customAppGroups.customAppId, app.id)))
      .where(and(eq(groups.teamId, input.teamId), eq(groups.id, input.groupId)));
    if (!group) throw new DomainError("NOT_FOUND", "thisGroupDoesNotExistIn");
    // Sharing through a group that cannot open the app would send invitations that give nothing.
    if (!group.opensApp) {
      throw new DomainError("INVALID_INPUT", "groupCannotUseThisApp", { groupName: group.name, appName: app.name });
    }

    const members = await tx
      .select({ id: memberships.id, email: accounts.email })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(
        and(
          eq(memberships.teamId, input.teamId),
          inArray(
            sql`lower(${accounts.email})`,
            emails.map((e) => e.toLowerCase()),
          ),
        ),
      );
    const memberEmails = new Set(members.map((m) => m.email.toLowerCase()));
    const newcomers = emails.filter((e) => !memberEmails.has(e.toLowerCase()));

    if (members.length > 0) {
      await joinGroup(
        tx,
        ctx,
        { teamId: input.teamId, group },
        members.map((m) => m.id),
        { customAppId: app.id, customApp: app.name },
      );
    }
    const invited =
      newcomers.length > 0
        ? await inviteUsers(tx, ctx, {
            teamId: input.teamId,
            emails: newcomers,
            role: "member",
            licensed: true,
            groupIds: [group.id],
            app: { id: app.id, name: app.name, hostName: app.hostName },
          })
        : { invited: [] };
    return { invited: invited.invited.map((i) => i.email), addedToGroup: members.map((m) => m.email) };
  });
}
