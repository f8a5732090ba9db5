import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, memberships, notifications } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { type KindTranslator, notificationText } from "@/lib/i18n/notification-text";
import { teamNameOf } from "../events/rules/drafts";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import type { AlertRecord } from "./alert-payload";

/**
 * Tells the team's owner of a new alert: a `security_alert` notification and, always, its mail
 * in the owner's language. The notification's event is the alert itself, so it is unique.
 */
export async function tellTeamOwner(tx: Transaction, alert: AlertRecord & { teamId: string }, now: Date) {
  const [owner] = await tx
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, language: accounts.language })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.teamId, alert.teamId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
        isNull(accounts.pseudonymisedAt),
      ),
    );
  if (!owner) return;
  const params = { team: await teamNameOf(tx, alert.teamId), rule: alert.rule, severity: alert.severity };
  const link = `/teams/${alert.teamId}/audit`;
  await tx
    .insert(notifications)
    .values({
      accountId: owner.id,
      kind: "security_alert",
      teamId: alert.teamId,
      params,
      link,
      eventId: alert.id,
      createdAt: now,
    })
    .onConflictDoNothing();
  const t = translatorFor(isLocale(owner.language) ? owner.language : DEFAULT_LOCALE, "notifications");
  const { title, body } = notificationText(t as unknown as KindTranslator, "security_alert", params);
  await enqueueMail(
    tx,
    {
      to: owner.email,
      subject: title,
      text: t("mail.text", {
        name: owner.name,
        body,
        link: consoleUrl(link),
        settings: consoleUrl("/notifications#email"),
      }),
      teamId: alert.teamId,
    },
    now,
  );
}
