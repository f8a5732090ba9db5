import "server-only";
import type { Transaction } from "@/db/client";
import type { RequestMeta } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import { recipientLocale } from "../../i18n/reader-locale";
import { translatorFor } from "../../i18n/translator";
import { consoleUrl } from "../../mail/console-url";
import { enqueueMail } from "../../mail/enqueue-mail";
import { teamOwner } from "../../teams/team-owner";
import { routeByDomain } from "./route-by-domain";

/**
 * A password sign-in on a domain whose team requires single sign-on is a break-glass sign-in:
 * the team's audit log records it and the owner is mailed, every time.
 */
export async function noteBreakGlassSignIn(
  tx: Transaction,
  input: { account: { id: string; email: string }; sessionId: string; now: Date; request: RequestMeta },
): Promise<void> {
  const route = await routeByDomain(tx, input.account.email);
  if (!route?.ssoRequired || !route.breakGlassAccountIds.includes(input.account.id)) return;
  await recordAudit(tx, {
    teamId: route.teamId,
    actor: {
      kind: "account",
      accountId: input.account.id,
      email: input.account.email,
      sessionId: input.sessionId,
      mfaVerified: true,
    },
    occurredAt: input.now,
    request: input.request,
    action: "account.break_glass_signed_in",
    target: { type: "account", id: input.account.id },
    after: { sessionId: input.sessionId, ip: input.request.ip },
  });
  const owner = await teamOwner(tx, route.teamId);
  if (!owner) return;
  const t = translatorFor(await recipientLocale(tx, owner.accountId), "mail");
  const values = {
    name: owner.name,
    email: input.account.email,
    teamName: route.teamName,
    ip: input.request.ip ?? "?",
    link: consoleUrl(`/teams/${route.teamId}/audit`),
  };
  await enqueueMail(
    tx,
    {
      to: owner.email,
      subject: t("breakGlassSignIn.subject", values),
      text: t("breakGlassSignIn.text", values),
      teamId: route.teamId,
    },
    input.now,
  );
}
