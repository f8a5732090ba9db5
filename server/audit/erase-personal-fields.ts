import { and, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditEvents, auditPersonalFields } from "@/db/schema";
import { type FieldPath, withValueAt } from "./personal-fields";

const ERASE_BATCH = 1000;

export interface ErasedValueNames {
  /** What an erased address reads as, given the account it was about (null: unknown). */
  email(accountId: string | null): string;
  /** What an erased name reads as. */
  name: string;
}

/**
 * Erases personal values from audit events: each is replaced by a pseudonym and its salt
 * and email key are dropped, so it can no longer be read or confirmed by guessing, while the
 * hash chain, which covers only the digests, still verifies. `whose` picks the values: about
 * an account or one of its addresses, or everyone's in the chosen chain.
 */
export async function erasePersonalAuditFields(
  tx: Transaction,
  input: {
    /** One team's chain (null: the platform's); undefined: every chain. */
    teamId?: string | null;
    whose: { accountId: string | null; emails: readonly string[] } | "everyone";
    names: ErasedValueNames;
    now: Date;
  },
): Promise<{ values: number; events: number }> {
  const inChain: SQL | undefined =
    input.teamId === undefined
      ? undefined
      : input.teamId === null
        ? isNull(auditPersonalFields.teamId)
        : eq(auditPersonalFields.teamId, input.teamId);
  const emails = input.whose === "everyone" ? [] : [...new Set(input.whose.emails.map((e) => e.trim().toLowerCase()))];
  const about: SQL | undefined =
    input.whose === "everyone"
      ? undefined
      : or(
          input.whose.accountId ? eq(auditPersonalFields.accountId, input.whose.accountId) : undefined,
          emails.length ? inArray(auditPersonalFields.emailKey, emails) : undefined,
        );
  if (input.whose !== "everyone" && !about) return { values: 0, events: 0 };
  let values = 0;
  const touched = new Set<string>();
  // In batches, so a purge of a large team stays within the limits of one statement.
  for (;;) {
    const fields = await tx
      .select()
      .from(auditPersonalFields)
      .where(and(isNotNull(auditPersonalFields.salt), inChain, about))
      .limit(ERASE_BATCH)
      .for("update");
    if (fields.length === 0) break;
    const events = await tx
      .select({
        id: auditEvents.id,
        actorLabel: auditEvents.actorLabel,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(inArray(auditEvents.id, [...new Set(fields.map((f) => f.eventId))]))
      .for("update");
    for (const event of events) {
      let content: { actorLabel: string; before: unknown; after: unknown } = event;
      for (const field of fields.filter((f) => f.eventId === event.id)) {
        const isAddress = field.emailKey !== null || (field.path as FieldPath)[0] === "actorLabel";
        content = withValueAt(content, field.path, isAddress ? input.names.email(field.accountId) : input.names.name);
      }
      await tx
        .update(auditEvents)
        .set({ actorLabel: content.actorLabel, before: content.before, after: content.after })
        .where(eq(auditEvents.id, event.id));
      touched.add(event.id);
    }
    await tx
      .update(auditPersonalFields)
      .set({ salt: null, emailKey: null, erasedAt: input.now })
      .where(
        inArray(
          auditPersonalFields.id,
          fields.map((f) => f.id),
        ),
      );
    values += fields.length;
  }
  return { values, events: touched.size };
}
