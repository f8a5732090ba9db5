import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { identityProviders } from "./identity-providers";

/**
 * Failed sign-ins per account email and per IP, kept in PostgreSQL so that every app server
 * sees the same count and lock.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  /** "account:<lower email>" or "ip:<address>". */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  /** How many times the key has been locked since its last success; each lock lasts longer. */
  locks: integer("locks").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
});

/**
 * Hourly budgets of actions that cost mail, password hashing or a guess at a code: mail per
 * address and per client IP, verification-code tries per address, wrong second-step codes
 * per account. In PostgreSQL, so that every app server spends from the same budget.
 */
export const rateLimits = pgTable("rate_limits", {
  /** "<budget>:<subject>", e.g. "mail-address:ann@example.com" or "second-step:<account id>". */
  key: text("key").primaryKey(),
  used: integer("used").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});

/** A password that was right, waiting for its second step (authentication or recovery code). */
export const signInChallenges = pgTable(
  "sign_in_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Wrong codes given for this challenge; a few end it. */
    failedCodes: integer("failed_codes").notNull().default(0),
    /** Issued after an identity provider signed the person in: that provider did the second step. */
    identityProviderId: uuid("identity_provider_id").references(() => identityProviders.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("sign_in_challenges_token_hash_unique").on(t.tokenHash)],
);

export const accountTokenPurpose = pgEnum("account_token_purpose", ["verify_email", "reset_password", "change_email"]);

/** Single-use codes and links mailed to an account; only their hashes are kept. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** change_email: the address that becomes the account's once verified. */
    newEmail: text("new_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
  },
  (t) => [
    // Not unique: a six-digit code can repeat across accounts; lookups also match the account.
    index("account_tokens_token_hash").on(t.tokenHash),
    index("account_tokens_account_purpose").on(t.accountId, t.purpose),
  ],
);
