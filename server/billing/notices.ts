import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { billingNotices } from "@/db/schema";
import { enqueueMail } from "../mail/enqueue-mail";
import { teamOwner } from "../teams/team-owner";

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

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export function noticeDate(value: Date): string {
  return dateFormat.format(value);
}

/**
 * Mails a billing notice to the team's owner, once: the (team, kind, reference) row is
 * written first, and if it exists already (sent before, or by another server at the same
 * moment) nothing is mailed. Runs in the caller's transaction, so the record and the mail
 * exist together or not at all.
 */
export async function sendNotice(
  tx: Transaction,
  notice: { teamId: string; kind: NoticeKind; reference: string; subject: string; text: string; now: Date },
): Promise<boolean> {
  const [row] = await tx
    .insert(billingNotices)
    .values({ teamId: notice.teamId, kind: notice.kind, reference: notice.reference, sentAt: notice.now })
    .onConflictDoNothing()
    .returning({ id: billingNotices.id });
  if (!row) return false;
  const owner = await teamOwner(tx, notice.teamId);
  if (!owner) return true;
  const mail = await enqueueMail(
    tx,
    {
      to: owner.email,
      subject: notice.subject,
      text: `Hello ${owner.name},\n\n${notice.text}\n\n— Customer Console`,
      teamId: notice.teamId,
    },
    notice.now,
  );
  await tx.update(billingNotices).set({ mailId: mail.id }).where(eq(billingNotices.id, row.id));
  return true;
}
