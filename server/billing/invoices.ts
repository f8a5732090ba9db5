import { and, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { type Queryable, rowsOf, type Transaction } from "@/db/client";
import { invoiceLines, invoices, subscriptions, teams } from "@/db/schema";
import { DAY_MS } from "@/lib/time";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import type { RefusalKey } from "../i18n/refusal-format";
import { CURRENCY } from "./plan-catalog";
import type { Quote } from "./proration";

/** Pay-by-invoice terms: an open invoice is overdue this many days after it was issued. */
export const PAYMENT_TERMS_DAYS = 30;

export type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Writes an invoice and its lines from a quote. The idempotency key is unique per team, so
 * a second write with the same key fails instead of charging twice. A total of zero or less
 * (a credit) is settled at once; anything else is open until paid.
 */
export async function writeInvoice(
  tx: Transaction,
  input: {
    teamId: string;
    subscriptionId: string;
    quote: Quote;
    issuedAt: Date;
    idempotencyKey: string;
    requestFingerprint?: string;
  },
): Promise<InvoiceRow> {
  const [next] = rowsOf<{ n: string | number }>(await tx.execute(sql`select nextval('invoice_numbers') as n`));
  const number = `INV-${String(next!.n).padStart(6, "0")}`;
  const { quote, issuedAt } = input;
  const owes = quote.totalCents > 0;
  const [invoice] = await tx
    .insert(invoices)
    .values({
      teamId: input.teamId,
      subscriptionId: input.subscriptionId,
      number,
      status: owes ? "open" : "paid",
      currency: CURRENCY,
      totalCents: quote.totalCents,
      periodStart: quote.periodStart,
      periodEnd: quote.periodEnd,
      issuedAt,
      dueAt: owes ? new Date(issuedAt.getTime() + PAYMENT_TERMS_DAYS * DAY_MS) : null,
      paidAt: owes ? null : issuedAt,
      idempotencyKey: input.idempotencyKey,
      requestFingerprint: input.requestFingerprint ?? null,
    })
    .returning();
  if (quote.lines.length > 0) {
    await tx.insert(invoiceLines).values(
      quote.lines.map((line) => ({
        teamId: input.teamId,
        invoiceId: invoice!.id,
        description: line.description,
        quantity: line.quantity,
        unitAmountCents: line.unitAmountCents,
        amountCents: line.amountCents,
      })),
    );
  }
  return invoice!;
}

export async function invoiceByKey(
  db: Queryable,
  teamId: string,
  idempotencyKey: string,
): Promise<InvoiceRow | undefined> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.teamId, teamId), eq(invoices.idempotencyKey, idempotencyKey)));
  return invoice;
}

export interface EarlierCharge {
  invoice: { id: string; number: string; totalCents: number };
  version: number;
  paymentMethodId: string | null;
}

/**
 * What an earlier attempt carrying the same idempotency key charged, so a retried or
 * double-clicked change charges once; the key used for another request is refused.
 */
export async function earlierCharge(
  db: Queryable,
  input: { teamId: string; idempotencyKey: string; requestFingerprint: string; mismatch: RefusalKey },
): Promise<EarlierCharge | null> {
  const invoice = await invoiceByKey(db, input.teamId, input.idempotencyKey);
  if (!invoice) return null;
  if (invoice.requestFingerprint !== input.requestFingerprint) throw new DomainError("CONFLICT", input.mismatch);
  const [row] = await db
    .select({ version: subscriptions.version, paymentMethodId: subscriptions.paymentMethodId })
    .from(subscriptions)
    .where(eq(subscriptions.teamId, input.teamId));
  return {
    invoice: { id: invoice.id, number: invoice.number, totalCents: invoice.totalCents },
    version: row?.version ?? 0,
    paymentMethodId: row?.paymentMethodId ?? null,
  };
}

/** The team's invoices, newest first, each with its lines. */
export async function listInvoices(db: Queryable, teamId: string, limit = 50) {
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      currency: invoices.currency,
      totalCents: invoices.totalCents,
      periodStart: invoices.periodStart,
      periodEnd: invoices.periodEnd,
      issuedAt: invoices.issuedAt,
      dueAt: invoices.dueAt,
      paidAt: invoices.paidAt,
    })
    .from(invoices)
    .where(eq(invoices.teamId, teamId))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(limit);
  const lines =
    rows.length === 0
      ? []
      : await db
          .select({
            invoiceId: invoiceLines.invoiceId,
            description: invoiceLines.description,
            quantity: invoiceLines.quantity,
            unitAmountCents: invoiceLines.unitAmountCents,
            amountCents: invoiceLines.amountCents,
          })
          .from(invoiceLines)
          .where(
            and(
              eq(invoiceLines.teamId, teamId),
              inArray(
                invoiceLines.invoiceId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(invoiceLines.invoiceId, invoiceLines.amountCents);
  return rows.map((row) => ({
    ...row,
    lines: lines.filter((line) => line.invoiceId === row.id).map(({ invoiceId: _, ...line }) => line),
  }));
}

/**
 * Records that an invoice was paid: the payment provider's webhook, or the operator for
 * invoices paid by bank transfer. A past-due subscription with nothing overdue left is
 * active again.
 */
export async function recordPayment(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; invoiceId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.teamId, input.teamId))
      .for("update");
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.teamId, input.teamId), eq(invoices.id, input.invoiceId)));
    if (!invoice || !subscription) throw new DomainError("NOT_FOUND", "thereIsNoSuchInvoiceIn");
    if (invoice.status === "paid") return;
    if (invoice.status === "void")
      throw new DomainError("SUBSCRIPTION_STATE", "invoiceIsVoid", { number: invoice.number });
    await tx.update(invoices).set({ status: "paid", paidAt: now }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "invoice.paid",
      target: { type: "invoice", id: invoice.id },
      after: { number: invoice.number, totalCents: invoice.totalCents },
    });
    if (subscription.status !== "past_due") return;
    const overdue = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(
        and(
          eq(invoices.teamId, input.teamId),
          eq(invoices.status, "open"),
          lte(invoices.dueAt, now),
          gt(invoices.totalCents, 0),
        ),
      )
      .limit(1);
    if (overdue.length > 0) return;
    await tx
      .update(subscriptions)
      .set({ status: "active", version: subscription.version + 1, updatedAt: now })
      .where(eq(subscriptions.id, subscription.id));
    await tx
      .update(teams)
      .set({ status: "active" })
      .where(and(eq(teams.id, input.teamId), eq(teams.status, "past_due")));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "subscription.paid_up",
      target: { type: "subscription", id: subscription.id },
      before: { status: "past_due" },
      after: { status: "active" },
    });
  });
}
