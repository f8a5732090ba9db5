import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, apiTokens, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import type { Clock } from "../clock";
import { recipientLocale } from "../i18n/reader-locale";
import { translatorFor } from "../i18n/translator";
import { consoleUrl } from "../mail/console-url";
import { enqueueMail } from "../mail/enqueue-mail";
import { API_KEY_EXPIRY_NOTICE_DAYS } from "./api-key-rules";

/** Keys reminded about per run; the rest wait for the next tick. */
const MAX_PER_RUN = 200;

/**
 * Tells each unrevoked key's creator, once, that it expires within two weeks. Each key is
 * claimed with FOR UPDATE SKIP LOCKED in a transaction of its own that marks it reminded and
 * puts the mail in the outbox, so servers running this at once never mail about a key twice.
 * A key whose creator's account is gone is marked without a mail: nobody is left to tell.
 */
export async function runApiKeyExpiryNoticeJob(db: Database, clock: Clock): Promise<{ sent: number }> {
  let sent = 0;
  for (let i = 0; i < MAX_PER_RUN; i++) {
    const claimed = await db.transaction(async (tx) => {
      const now = clock.now();
      const [key] = await tx
        .select()
        .from(apiTokens)
        .where(
          and(
            isNull(apiTokens.expiryNoticeSentAt),
            isNull(apiTokens.revokedAt),
            gt(apiTokens.expiresAt, now),
            lte(apiTokens.expiresAt, new Date(now.getTime() + API_KEY_EXPIRY_NOTICE_DAYS * DAY_MS)),
          ),
        )
        .orderBy(asc(apiTokens.expiresAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!key) return null;
      await tx.update(apiTokens).set({ expiryNoticeSentAt: now }).where(eq(apiTokens.id, key.id));
      const [creator] = key.createdByAccountId
        ? await tx
            .select({ name: accounts.name, email: accounts.email, teamName: teams.name })
            .from(accounts)
            .innerJoin(teams, eq(teams.id, key.teamId))
            .where(eq(accounts.id, key.createdByAccountId))
        : [];
      if (!creator) return { mailed: false };
      const t = translatorFor(await recipientLocale(tx, key.createdByAccountId), "mail");
      const values = { team: creator.teamName, keyName: key.name, prefix: key.prefix, expiresOn: key.expiresAt };
      await enqueueMail(
        tx,
        {
          to: creator.email,
          teamId: key.teamId,
          subject: t("apiKeyExpires.subject", values),
          text: t("apiKeyExpires.text", {
            ...values,
            name: creator.name,
            link: consoleUrl(`/teams/${key.teamId}/settings/api-keys`),
          }),
        },
        now,
      );
      return { mailed: true };
    });
    if (!claimed) break;
    if (claimed.mailed) sent += 1;
  }
  return { sent };
}
