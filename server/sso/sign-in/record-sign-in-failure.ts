import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import type { RequestMeta } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import { type Budget, HOUR_MS, spend } from "../../auth/rate-limits";
import type { Clock } from "../../clock";
import { logger } from "../../logger";
import type { SsoFailure } from "../provider-answer";

/** Anyone can send answers to a provider's routes: one address fills a team's audit log only so far. */
export const SSO_FAILURES_AUDITED_PER_IP: Budget = { name: "sso-failure-audit", limit: 30, windowMs: HOUR_MS };

/**
 * A refused provider answer goes to the team's audit log with its technical reason, under the
 * request id the person is shown, so a manager can find exactly what went wrong.
 */
export async function recordProviderSignInFailure(
  db: Queryable,
  ctx: { clock: Clock; request: RequestMeta },
  identityProviderId: string,
  failure: SsoFailure,
): Promise<void> {
  logger.info(
    { requestId: ctx.request.requestId, identityProviderId, reason: failure.reason },
    "identity provider sign-in refused",
  );
  const budget = await spend(
    db,
    SSO_FAILURES_AUDITED_PER_IP,
    `${identityProviderId}:${ctx.request.ip ?? "unknown"}`,
    ctx.clock.now(),
  );
  if (!budget.allowed) return;
  await db.transaction(async (tx) => {
    const [provider] = await tx
      .select({ teamId: identityProviders.teamId, name: identityProviders.name })
      .from(identityProviders)
      .where(eq(identityProviders.id, identityProviderId));
    if (!provider) return;
    await recordAudit(tx, {
      teamId: provider.teamId,
      actor: { kind: "system", label: `Identity provider ${provider.name}` },
      occurredAt: ctx.clock.now(),
      request: ctx.request,
      action: "identity_provider.sign_in_failed",
      target: { type: "identity_provider", id: identityProviderId },
      after: { reason: failure.reason, detail: failure.detail.slice(0, 500), referenceId: ctx.request.requestId },
    });
  });
}
