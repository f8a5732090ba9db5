import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { billingNotices, teams } from "@/db/schema";
import { formatCents } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { enqueueMail } from "../mail/enqueue-mail";
import { teamOwner } from "../teams/team-owner";
import { billingContactOf } from "./billing-contact";
import { CURRENCY } from "./plan-catalog";

export type NoticeKind =
  | "renewal_30"
  | "renewal_7"
  | "renewal_1"
  | "expiry_30"
  | "expiry_7"
  | "expiry_1"
  | "changed"
  | "renewed"
  | "past_due"
  | "terminated"
  | "purge_warning";

export type MailTranslator = ReturnType<typeof translatorFor<"mail">>;

/** Writes a notice in the owner's language; `money` formats an amount for that language. */
export type NoticeWriter = (
  t: MailTranslator,
  money: (cents: number) => string,
  locale: Locale,
) => { subject: string; text: string };

/**
 * Mails a billing notice to the team's owner, and to its billing contact if it has one (in
 * the owner's language), once: the (team, kind, reference) row is
 * written first, and if it exists already (sent before, or by another server at the same
 * moment) nothing is mailed. Runs in the caller's transaction, so the record and the mail
 * exist together or not at all.
 */
export async function sendNotice(
  tx: Transaction,
  notice: { teamId: string; kind: NoticeKind; reference: string; write: NoticeWriter; now: Date },
): Promise<boolean> {
  const [row] = await tx
    .insert(billingNotices)
    .values({ teamId: notice.teamId, kind: notice.kind, reference: notice.reference, sentAt: notice.now })
    .onConflictDoNothing()
    .returning({ id: billingNotices.id });
  if (!row) return false;
  const owner = await teamOwner(tx, notice.teamId);
  if (!owner) return true;
  const locale = await recipientLocale(tx, owner.accountId);
  const t = translatorFor(locale, "mail");
  const { subject, text } = notice.write(t, (cents) => formatCents(cents, CURRENCY, locale), locale);
  const mail = await enqueueMail(
    tx,
    {
      to: owner.email,
      subject,
      text: t("billing.greeting", { name: owner.name, body: text }),
      teamId: notice.teamId,
    },
    notice.now,
  );
  await tx.update(billingNotices).set({ mailId: mail.id }).where(eq(billingNotices.id, row.id));
  const contact = await billingContactOf(tx, notice.teamId);
  if (contact && contact.email.toLowerCase() !== owner.email.toLowerCase()) {
    const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, notice.teamId));
    const teamName = team?.name ?? t("billing.someTeam");
    await enqueueMail(
      tx,
      {
        to: contact.email,
        subject,
        text: contact.name
          ? t("billing.contactGreeting", { name: contact.name, team: teamName, body: text })
          : t("billing.contactGreetingNoName", { team: teamName, body: text }),
        teamId: notice.teamId,
      },
      notice.now,
    );
  }
  return true;
}
