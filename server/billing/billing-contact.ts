import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamBillingContacts, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { isEmailAddress } from "../invitations/invitee-checks";
import { CONTROL_CHARACTER } from "../teams/team-name";

export const BILLING_CONTACT_NAME_MAX = 200;

export interface BillingContact {
  name: string | null;
  email: string;
}

/** The team's billing contact, or null when only the owner gets invoices and billing notices. */
export async function billingContactOf(db: Queryable, teamId: string): Promise<BillingContact | null> {
  const [contact] = await db
    .select({ name: teamBillingContacts.name, email: teamBillingContacts.email })
    .from(teamBillingContacts)
    .where(eq(teamBillingContacts.teamId, teamId));
  return contact ?? null;
}

function checkedContact(input: { name: string; email: string }): BillingContact {
  const email = input.email.trim();
  const name = input.name.trim();
  if (!email) throw new DomainError("INVALID_INPUT", "typeTheBillingContactEmail");
  if (!isEmailAddress(email)) throw new DomainError("INVALID_INPUT", "billingContactEmailInvalid", { email });
  if (CONTROL_CHARACTER.test(name)) throw new DomainError("INVALID_INPUT", "billingContactNameHasControlCharacters");
  if ([...name].length > BILLING_CONTACT_NAME_MAX) {
    throw new DomainError("INVALID_INPUT", "billingContactNameTooLong", { max: BILLING_CONTACT_NAME_MAX });
  }
  return { name: name || null, email };
}

/**
 * Sets the billing contact (an empty email removes it). The address is audited under "email",
 * so the audit log keeps it as a personal value that can be erased; the name is personal
 * too and stays out of the log: only that it changed.
 */
export async function setBillingContact(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; name: string; email: string },
): Promise<BillingContact | null> {
  const next = input.email.trim() || input.name.trim() ? checkedContact(input) : null;
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    // The team row serialises changes of its contact, so before/after are always the real ones.
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId)).for("no key update");
    if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
    const before = await billingContactOf(tx, input.teamId);
    if (before?.email === next?.email && (before?.name ?? null) === (next?.name ?? null)) return next;
    if (next) {
      await tx
        .insert(teamBillingContacts)
        .values({ teamId: input.teamId, ...next, updatedAt: now })
        .onConflictDoUpdate({ target: teamBillingContacts.teamId, set: { ...next, updatedAt: now } });
    } else {
      await tx.delete(teamBillingContacts).where(eq(teamBillingContacts.teamId, input.teamId));
    }
    const [beforeName, nextName] = [before?.name ?? null, next?.name ?? null];
    const nameChange =
      beforeName === nextName ? {} : { contactName: nextName ? (beforeName ? "changed" : "set") : "removed" };
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: next ? "team.billing_contact_set" : "team.billing_contact_removed",
      target: { type: "team", id: input.teamId },
      before: { email: before?.email ?? null },
      after: { email: next?.email ?? null, ...nameChange },
    });
    return next;
  });
}
