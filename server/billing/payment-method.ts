import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { paymentMethods, teams } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { chargeOnce } from "./charge-once";
import { writeInvoice } from "./invoices";
import { sendNotice } from "./notices";
import { checkDisplayHints, paymentProvider } from "./payment-providers";
import { addMonths, monthsIn } from "./periods";
import { quotePeriod } from "./proration";
import { fingerprint, requireRunning, requireVersion, saveSubscriptionChange, termsOf } from "./subscription-record";

/**
 * Attaches a payment method: the provider's token and display hints, never card data. In a
 * trial this converts the subscription to paid at once: the first period starts now and its
 * invoice is written (carrying the idempotency key, so a retry converts once).
 */
export async function addPaymentMethod(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; provider: string; providerToken?: string; expectedVersion: number; idempotencyKey: string },
): Promise<{
  paymentMethodId: string;
  version: number;
  converted: boolean;
  invoice: { id: string; number: string; totalCents: number } | null;
}> {
  const provider = paymentProvider(input.provider);
  const requestFingerprint = fingerprint({ kind: "payment_method", provider: input.provider });
  const key = {
    ...input,
    requestFingerprint,
    mismatch: "confirmationUsedTryAgain" as const,
  };
  // The provider is asked outside the transaction: no row stays locked while it answers.
  const attached = await provider.attach({ teamId: input.teamId, providerToken: input.providerToken });
  checkDisplayHints(attached);

  return chargeOnce(
    db,
    key,
    (earlier) => ({
      paymentMethodId: earlier.paymentMethodId ?? "",
      version: earlier.version,
      converted: true,
      invoice: earlier.invoice,
    }),
    async (tx, { subscription, team }) => {
      const now = ctx.clock.now();
      requireVersion(subscription, input.expectedVersion);
      requireRunning(subscription, team);
      const [method] = await tx
        .insert(paymentMethods)
        .values({
          teamId: team.id,
          provider: provider.id,
          providerToken: attached.token,
          brand: attached.brand,
          last4: attached.last4,
          createdAt: now,
        })
        .returning({ id: paymentMethods.id });
      const converting = subscription.status === "trialing";
      const periodEnd = addMonths(now, monthsIn(subscription.billingPeriod));
      const updated = await saveSubscriptionChange(
        tx,
        subscription,
        input.expectedVersion,
        {
          paymentMethodId: method!.id,
          ...(converting
            ? { status: "active" as const, currentPeriodStart: now, currentPeriodEnd: periodEnd, billingAnchor: now }
            : {}),
        },
        now,
      );
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: team.id,
        action: "payment_method.added",
        target: { type: "payment_method", id: method!.id },
        before: { paymentMethodId: subscription.paymentMethodId },
        after: { provider: provider.id, brand: attached.brand, last4: attached.last4 },
      });
      if (!converting)
        return { paymentMethodId: method!.id, version: updated.version, converted: false, invoice: null };

      await tx.update(teams).set({ status: "active" }).where(eq(teams.id, team.id));
      const invoice = await writeInvoice(tx, {
        teamId: team.id,
        subscriptionId: subscription.id,
        quote: quotePeriod(termsOf(subscription), now, periodEnd),
        issuedAt: now,
        idempotencyKey: input.idempotencyKey,
        requestFingerprint,
      });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: team.id,
        action: "subscription.trial_converted",
        target: { type: "subscription", id: subscription.id },
        before: { status: "trialing", teamStatus: team.status },
        after: {
          status: "active",
          teamStatus: "active",
          periodEnd,
          invoice: invoice.number,
          totalCents: invoice.totalCents,
        },
      });
      await sendNotice(tx, {
        teamId: team.id,
        kind: "changed",
        reference: invoice.id,
        now,
        write: (t, money) => {
          const values = {
            team: team.name,
            invoice: invoice.number,
            total: money(invoice.totalCents),
            renewsOn: periodEnd,
          };
          return {
            subject: t("billing.trialConverted.subject", values),
            text: t("billing.trialConverted.text", values),
          };
        },
      });
      return {
        paymentMethodId: method!.id,
        version: updated.version,
        converted: true,
        invoice: { id: invoice.id, number: invoice.number, totalCents: invoice.totalCents },
      };
    },
  );
}
