import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditPersonalFields, invitations, mailOutbox } from "@/db/schema";
import { type ErasedValueNames, erasePersonalAuditFields } from "../audit/erase-personal-fields";

export interface ErasedPersonalData {
  auditValues: number;
  invitations: number;
  mails: number;
}

/**
 * Erases what the console keeps about one person beyond the account row: their values in
 * audit events (pseudonymised, the chain still verifies), the invitations to any of their
 * addresses and the mail to them. `teamId` limits it to one team's records (a departure);
 * without it, everywhere (a deleted account).
 */
export async function erasePerson(
  tx: Transaction,
  input: { accountId: string; email: string; teamId?: string; names: ErasedValueNames; now: Date },
): Promise<ErasedPersonalData> {
  const inTeam = input.teamId === undefined ? undefined : eq(auditPersonalFields.teamId, input.teamId);
  // Addresses the person had before are found through the values tied to their account.
  const earlier = await tx
    .selectDistinct({ emailKey: auditPersonalFields.emailKey })
    .from(auditPersonalFields)
    .where(and(eq(auditPersonalFields.accountId, input.accountId), isNotNull(auditPersonalFields.emailKey), inTeam));
  const addresses = [...new Set([input.email.trim().toLowerCase(), ...earlier.map((e) => e.emailKey!)])];

  const invitationsDeleted = await tx
    .delete(invitations)
    .where(
      and(
        inArray(sql`lower(${invitations.email})`, addresses),
        input.teamId ? eq(invitations.teamId, input.teamId) : undefined,
      ),
    )
    .returning({ id: invitations.id });
  const mailsDeleted = await tx
    .delete(mailOutbox)
    .where(
      and(
        inArray(sql`lower(${mailOutbox.toAddress})`, addresses),
        input.teamId ? eq(mailOutbox.teamId, input.teamId) : undefined,
      ),
    )
    .returning({ id: mailOutbox.id });
  // Invitations and mail before the audit values: the order the 45-day purge locks them in.
  const audit = await erasePersonalAuditFields(tx, {
    teamId: input.teamId,
    whose: { accountId: input.accountId, emails: addresses },
    names: input.names,
    now: input.now,
  });
  return { auditValues: audit.values, invitations: invitationsDeleted.length, mails: mailsDeleted.length };
}
