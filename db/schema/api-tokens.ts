import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { teams } from "./teams";

/**
 * A team's API key for the REST Admin API. Only the hash of its secret is stored; `prefix`
 * (the first characters of the secret) names it in lists and in the audit log.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The permissions of server/permissions.ts the key may use: its scopes. */
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    /** When the creator was told the key expires soon; the reminder goes once. */
    expiryNoticeSentAt: timestamp("expiry_notice_sent_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_unique").on(t.tokenHash),
    index("api_tokens_team").on(t.teamId),
    index("api_tokens_expiry_notice")
      .on(t.expiresAt)
      .where(sql`${t.expiryNoticeSentAt} is null and ${t.revokedAt} is null`),
  ],
);

/**
 * The first response to a request that carried an Idempotency-Key, replayed for 24 hours to
 * a retry with the same key. `status` is null while the first request is still running.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiTokenId: uuid("api_token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with other parameters is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("api_idempotency_keys_token_key_unique").on(t.apiTokenId, t.key),
    index("api_idempotency_keys_created").on(t.createdAt),
  ],
);

/** A team's SCIM bearer token: one at a time, replaced by generating another. */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
  },
  (t) => [
    uniqueIndex("scim_tokens_team_unique").on(t.teamId),
    uniqueIndex("scim_tokens_token_hash_unique").on(t.tokenHash),
  ],
);
