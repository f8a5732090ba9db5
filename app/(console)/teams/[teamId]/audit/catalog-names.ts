import type { getTranslations } from "next-intl/server";

export type AuditTranslator = Awaited<ReturnType<typeof getTranslations<"audit">>>;
type AuditKey = Parameters<AuditTranslator>[0];

/** A code's name from one part of the `audit` catalog; a code the catalog does not know yet shows as itself. */
function nameIn(t: AuditTranslator, part: "events" | "targets" | "actorTypes", code: string): string {
  const key = `${part}.${code}` as AuditKey;
  return t.has(key) && typeof t.raw(key) === "string" ? t(key) : code;
}

/** "team.created" → "Team created", in the reader's language. */
export const eventName = (t: AuditTranslator, action: string) => nameIn(t, "events", action);

/** "support_grant" → "Support grant". */
export const targetName = (t: AuditTranslator, targetType: string) => nameIn(t, "targets", targetType);

/** "staff" → "staff"; people with an account have no label. */
export const actorTypeName = (t: AuditTranslator, actorType: string) => nameIn(t, "actorTypes", actorType);
