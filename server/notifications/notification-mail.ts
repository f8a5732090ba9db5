import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, notificationPreferences, type notifications } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { type KindTranslator, notificationText } from "@/lib/i18n/notification-text";
import { isNotificationKind, NOTIFICATION_KINDS } from "../events/notification-kinds";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMails, type OutgoingMail } from "../mail/enqueue-mail";

type Notification = typeof notifications.$inferSelect;
interface Person {
  id: string;
  email: string;
  name: string;
  language: string;
}

/**
 * Mails the new notifications their people want by email, in each person's language, in the
 * dispatcher's transaction. Kinds the change mails itself are left out, and so is the owner for
 * kinds whose change mails the owner.
 */
export async function mailNotifications(
  tx: Transaction,
  added: readonly Notification[],
  people: readonly Person[],
  now: Date,
): Promise<void> {
  const candidates = added.filter((n) => isNotificationKind(n.kind) && !NOTIFICATION_KINDS[n.kind].mailedByItsChange);
  if (candidates.length === 0) return;
  const choices = await tx
    .select()
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.accountId, [...new Set(candidates.map((n) => n.accountId))]),
        inArray(notificationPreferences.kind, [...new Set(candidates.map((n) => n.kind))]),
      ),
    );
  const chosen = new Map(choices.map((c) => [`${c.accountId}|${c.kind}`, c.email]));
  const byId = new Map(people.map((person) => [person.id, person]));
  const mails: OutgoingMail[] = [];
  for (const notification of candidates) {
    const kind = notification.kind as keyof typeof NOTIFICATION_KINDS;
    const wanted = chosen.get(`${notification.accountId}|${kind}`) ?? NOTIFICATION_KINDS[kind].emailByDefault;
    const person = byId.get(notification.accountId);
    if (!wanted || !person) continue;
    if (await mailedToOwnerByChange(tx, notification)) continue;
    const locale = isLocale(person.language) ? person.language : DEFAULT_LOCALE;
    const t = translatorFor(locale, "notifications");
    const { title, body } = notificationText(t as unknown as KindTranslator, kind, notification.params);
    mails.push({
      to: person.email,
      subject: title,
      text: t("mail.text", {
        name: person.name,
        body,
        link: consoleUrl(notification.link),
        settings: consoleUrl("/notifications#email"),
      }),
      teamId: notification.teamId,
    });
  }
  await enqueueMails(tx, mails, now);
}

async function mailedToOwnerByChange(tx: Transaction, notification: Notification): Promise<boolean> {
  const kind = NOTIFICATION_KINDS[notification.kind as keyof typeof NOTIFICATION_KINDS];
  if (!("ownerMailedByItsChange" in kind) || !notification.teamId) return false;
  const [owner] = await tx
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.teamId, notification.teamId), eq(memberships.role, "owner")));
  return owner?.accountId === notification.accountId;
}
