import { sql } from "drizzle-orm";
import { boolean, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { identityProviderKind } from "./enums";
import { teams } from "./teams";

/** A team's external sign-in (OIDC now, SAML later). */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: identityProviderKind("kind").notNull(),
    name: text("name").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEncrypted: text("client_secret_encrypted"),
    groupClaim: text("group_claim"),
    emailDomains: text("email_domains").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("identity_providers_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("identity_providers_team_name_ci_unique").on(t.teamId, sql`lower(${t.name})`),
  ],
);
