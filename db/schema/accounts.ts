import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/** A Claris ID: one person. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** AES-256-GCM ciphertext from server/crypto, key id included. */
    phoneEncrypted: text("phone_encrypted"),
    language: text("language").notNull().default("en"),
    totpSecretEncrypted: text("totp_secret_encrypted"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastUsedStep: bigint("totp_last_used_step", { mode: "number" }),
    /** The team that manages this account; null means the account is external everywhere. */
    managedByTeamId: uuid("managed_by_team_id").references(() => teams.id, { onDelete: "set null" }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    pseudonymisedAt: timestamp("pseudonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_email_ci_unique").on(sql`lower(${t.email})`),
    index("accounts_email_trgm").using("gin", sql`lower(${t.email}) gin_trgm_ops`),
    index("accounts_name_trgm").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("accounts_managed_by_team").on(t.managedByTeamId),
    // Keyset pages of the Users table sorted by name, email or last sign-in: (value, account id).
    index("accounts_name_order").on(sql`lower(${t.name})`, t.id),
    index("accounts_email_order").on(sql`lower(${t.email})`, t.id),
    index("accounts_last_sign_in_order").on(sql`coalesce(${t.lastSignInAt}, '-infinity'::timestamptz)`, t.id),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_account").on(t.accountId)],
);

/** A server-side sign-in session; the cookie only names it. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    /**
     * The identity provider that signed the person in, if one did: its two-step verification
     * counts for its own team only. No foreign key: identity_providers already refers to accounts.
     */
    identityProviderId: uuid("identity_provider_id"),
    /** The strictest idle timeout of the account's teams when the session began. */
    idleTimeoutMinutes: integer("idle_timeout_minutes").notNull().default(120),
    /** Set on the session that replaced this one at a privilege change, so the cookie may follow. */
    replacedBySessionId: uuid("replaced_by_session_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_account_active").on(t.accountId).where(sql`${t.endedAt} is null`)],
);
