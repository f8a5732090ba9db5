import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";
import { findAccountByEmail } from "../accounts/find-account";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { inviteUsers } from "../invitations/invite-users";
import { isEmailAddress } from "../invitations/invitee-checks";
import { addMembership } from "../members/add-membership";
import { isVerifiedBy } from "../sso/domains/domain-owner";
import { ScimError } from "./scim-errors";
import { type UserChanges, wantedName } from "./scim-user-input";

/**
 * Brings a person into the team as a member. Someone with an account, or on one of the team's
 * verified domains (who then gets a managed account without a password, as at a first
 * single sign-on), is an active member at once; anyone else is invited by mail. A FileMaker
 * Cloud member takes a seat while one is free.
 */
export async function provisionScimUser(
  db: Queryable,
  ctx: DomainContext,
  teamId: string,
  changes: UserChanges,
  emails: string[],
): Promise<{ id: string }> {
  const email = addressOf(changes.userName, emails);
  const name = wantedName(changes, { givenName: "", familyName: "" }) || email.split("@")[0]!;
  const [team] = await db.select({ product: teams.product }).from(teams).where(eq(teams.id, teamId));
  await refuseKnownPerson(db, teamId, email);
  const account = await findAccountByEmail(db, email);
  return withSeatIfFree(team!.product === "filemaker_cloud", async (licensed) => {
    if (account) return addMembership(db, ctx, { teamId, accountId: account.id, role: "member", licensed });
    if (await isVerifiedBy(db, teamId, email)) return createManagedMember(db, ctx, { teamId, email, name, licensed });
    const { invited } = await inviteUsers(db, ctx, { teamId, emails: [email], role: "member", licensed, groupIds: [] });
    return { id: invited[0]!.id };
  });
}

/** userName is the Claris ID's address; a directory that sends another userName names the address in emails. */
function addressOf(userName: string | undefined, emails: string[]): string {
  if (userName === undefined)
    throw new ScimError(400, "userName is required: the person's email address.", "invalidValue");
  const address = [userName, ...emails].map((value) => value.trim()).find(isEmailAddress);
  if (!address)
    throw new ScimError(
      400,
      `userName ${JSON.stringify(userName)} is not an email address, and no email is given.`,
      "invalidValue",
    );
  return address;
}

async function refuseKnownPerson(db: Queryable, teamId: string, email: string): Promise<void> {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.teamId, teamId), eq(sql`lower(${accounts.email})`, email.toLowerCase())));
  if (member) throw new ScimError(409, `${email} is already a user of this team (id ${member.id}).`, "uniqueness");
}

async function withSeatIfFree<T>(fileMaker: boolean, attempt: (licensed: boolean) => Promise<T>): Promise<T> {
  if (!fileMaker) return attempt(false);
  try {
    return await attempt(true);
  } catch (error) {
    if (error instanceof DomainError && error.code === "SEAT_LIMIT") return attempt(false);
    throw error;
  }
}

/** A managed account without a password, for an address on the team's verified domain: it signs in through the team's provider. */
async function createManagedMember(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; email: string; name: string; licensed: boolean },
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({
          email: input.email,
          name: input.name,
          passwordHash: null,
          emailVerifiedAt: now,
          managedByTeamId: input.teamId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: accounts.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "account.created",
        target: { type: "account", id: account!.id },
        after: { email: input.email, name: input.name, managedByTeamId: input.teamId },
      });
      return addMembership(tx, ctx, {
        teamId: input.teamId,
        accountId: account!.id,
        role: "member",
        licensed: input.licensed,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_ci_unique")) {
      throw new DomainError("CONFLICT", "anAccountWithTheEmailAlready", { email: input.email });
    }
    throw error;
  }
}
