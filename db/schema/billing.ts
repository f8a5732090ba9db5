import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { billingPeriod, invoiceStatus, subscriptionStatus } from "./enums";
import { teams } from "./teams";

/** A payment provider's token and display hints; never card data. */
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerToken: text("provider_token").notNull(),
    brand: text("brand"),
    last4: text("last4"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("payment_methods_team_id_unique").on(t.teamId, t.id)],
);

/** The team's contract; one per team. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    contractNumber: text("contract_number").notNull(),
    planCode: text("plan_code").notNull(),
    /** Catalog version the prices were taken from, so a price change never rewrites this contract. */
    planVersion: integer("plan_version").notNull(),
    billingPeriod: billingPeriod("billing_period").notNull(),
    status: subscriptionStatus("status").notNull(),
    seats: integer("seats").notNull().default(0),
    extraStorageGb: integer("extra_storage_gb").notNull().default(0),
    extraDataTransferGb: integer("extra_data_transfer_gb").notNull().default(0),
    extraRequests: integer("extra_requests").notNull().default(0),
    currentPeriodStart: timestamp("current_period_start", { withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }).notNull(),
    /** Where the current billing cycle's periods are counted from (start, period switch or renewal after an end). */
    billingAnchor: timestamp("billing_anchor", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    trialEndsAt: timestamp("trial_ends_at", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    cancelReason: text("cancel_reason"),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    paymentMethodId: uuid("payment_method_id"),
    /** Optimistic concurrency: every change bumps it and names the version it read. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscriptions_team_unique").on(t.teamId),
    uniqueIndex("subscriptions_contract_number_unique").on(t.contractNumber),
    unique("subscriptions_team_id_unique").on(t.teamId, t.id),
    foreignKey({ columns: [t.teamId, t.paymentMethodId], foreignColumns: [paymentMethods.teamId, paymentMethods.id] }),
    index("subscriptions_period_end").on(t.currentPeriodEnd),
    check(
      "subscriptions_quantities_not_negative",
      sql`${t.seats} >= 0 and ${t.extraStorageGb} >= 0 and ${t.extraDataTransferGb} >= 0 and ${t.extraRequests} >= 0`,
    ),
  ],
);

/** Invoice numbers run in one sequence: INV-001001, INV-001002 … */
export const invoiceNumbers = pgSequence("invoice_numbers", { startWith: 1001 });

export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    subscriptionId: uuid("subscription_id").notNull(),
    number: text("number").notNull(),
    status: invoiceStatus("status").notNull().default("open"),
    currency: text("currency").notNull(),
    totalCents: integer("total_cents").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    /** When an open invoice becomes overdue (and the subscription past due); null for credits. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** A retried or double-clicked change carries the same key and charges once. */
    idempotencyKey: text("idempotency_key"),
    /** Hash of the change the key was first used for: the same key with another change is refused. */
    requestFingerprint: text("request_fingerprint"),
  },
  (t) => [
    foreignKey({
      columns: [t.teamId, t.subscriptionId],
      foreignColumns: [subscriptions.teamId, subscriptions.id],
    }).onDelete("cascade"),
    unique("invoices_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("invoices_number_unique").on(t.number),
    uniqueIndex("invoices_team_idempotency_unique").on(t.teamId, t.idempotencyKey),
    index("invoices_team_issued").on(t.teamId, t.issuedAt),
    index("invoices_open_due").on(t.dueAt).where(sql`${t.status} = 'open'`),
  ],
);

/** Immutable once written. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmountCents: integer("unit_amount_cents").notNull(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.teamId, t.invoiceId], foreignColumns: [invoices.teamId, invoices.id] }).onDelete(
      "cascade",
    ),
    index("invoice_lines_invoice").on(t.invoiceId),
  ],
);

/**
 * Every billing notice mailed to a team's owner, once: a reminder N days before a renewal or
 * an end, a change, the termination, the warning before the purge. The unique key is what
 * makes each notice go out once, however many servers run the jobs.
 */
export const billingNotices = pgTable(
  "billing_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** What the notice is about, e.g. the period end it announces or the invoice it follows. */
    reference: text("reference").notNull(),
    mailId: uuid("mail_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("billing_notices_once").on(t.teamId, t.kind, t.reference)],
);
