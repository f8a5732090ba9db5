import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, memberships, teams } from "@/db/schema";
import { recipientLocale } from "../../i18n/reader-locale";
import { translatorFor } from "../../i18n/translator";
import { consoleUrl } from "../../mail/console-url";
import { enqueueMail } from "../../mail/enqueue-mail";

/** A person joined through the identity provider without a licence because every seat was taken: the managers hear of it. */
export async function tellManagersNoSeat(tx: Transaction, teamId: string, email: string, now: Date): Promise<void> {
  const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  const managers = await tx
    .select({ accountId: accounts.id, email: accounts.email, name: accounts.name })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.teamId, teamId),
        inArray(memberships.role, ["owner", "manager"]),
        eq(memberships.status, "active"),
      ),
    );
  for (const manager of managers) {
    const t = translatorFor(await recipientLocale(tx, manager.accountId), "mail");
    const values = { name: manager.name, email, teamName: team!.name, link: consoleUrl(`/teams/${teamId}/users`) };
    await enqueueMail(
      tx,
      { to: manager.email, subject: t("ssoNoSeat.subject", values), text: t("ssoNoSeat.text", values), teamId },
      now,
    );
  }
}
