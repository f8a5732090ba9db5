import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { identityProviderKind, membershipRole } from "./enums";
import { teams } from "./teams";

/** A team's external sign-in: OpenID Connect or SAML 2.0. */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: identityProviderKind("kind").notNull(),
    name: text("name").notNull(),
    /** OpenID Connect: the issuer URL. SAML: the identity provider's entity ID, read from its metadata. */
    issuer: text("issuer"),
    clientId: text("client_id"),
    /** AES-256-GCM ciphertext from server/crypto; never returned by any procedure. */
    clientSecretEncrypted: text("client_secret_encrypted"),
    scopes: text("scopes").notNull().default("openid email profile"),
    /** The claim (OpenID Connect) or attribute (SAML) that lists the person's provider groups. */
    groupClaim: text("group_claim").notNull().default("groups"),
    samlMetadataUrl: text("saml_metadata_url"),
    samlMetadataXml: text("saml_metadata_xml"),
    /** Read from the metadata at Test connection: where to send the person, and the signing certificates. */
    samlSsoUrl: text("saml_sso_url"),
    samlSigningCertificates: text("saml_signing_certificates").array().notNull().default(sql`'{}'::text[]`),
    defaultRole: membershipRole("default_role").notNull().default("member"),
    defaultLicensed: boolean("default_licensed").notNull().default(true),
    enabled: boolean("enabled").notNull().default(true),
    /** Set when Test connection last succeeded with the current configuration. */
    testedAt: timestamp("tested_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("identity_providers_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("identity_providers_team_name_ci_unique").on(t.teamId, sql`lower(${t.name})`),
  ],
);

/** A person as an identity provider knows them: keyed by (provider, subject), never by email. */
export const externalIdentities = pgTable(
  "external_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identityProviderId: uuid("identity_provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The provider created the account (rather than linking an existing one). */
    createdAccount: boolean("created_account").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("external_identities_provider_subject_unique").on(t.identityProviderId, t.subject),
    index("external_identities_account").on(t.accountId),
  ],
);

/** An email domain a team claims; verified by a DNS TXT record, by at most one team at a time. */
export const teamDomains = pgTable(
  "team_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** Lower case, no trailing dot. */
    domain: text("domain").notNull(),
    verificationToken: text("verification_token").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("team_domains_team_domain_unique").on(t.teamId, t.domain),
    uniqueIndex("team_domains_verified_domain_unique").on(t.domain).where(sql`${t.verifiedAt} is not null`),
  ],
);

/** One provider sign-in under way: binds the provider's answer to the browser and request that asked. */
export const ssoSignInStates = pgTable("sso_sign_in_states", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** SHA-256 of the random value carried as OpenID Connect `state` or SAML RelayState. */
  stateHash: text("state_hash").notNull().unique(),
  identityProviderId: uuid("identity_provider_id")
    .notNull()
    .references(() => identityProviders.id, { onDelete: "cascade" }),
  /** OpenID Connect PKCE verifier, encrypted with the key ring. */
  codeVerifierEncrypted: text("code_verifier_encrypted"),
  nonce: text("nonce"),
  /** SAML: the AuthnRequest ID the response's InResponseTo must name. */
  samlRequestId: text("saml_request_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** SAML assertion ids already accepted, kept until they expire, so none is accepted twice. */
export const samlSeenAssertions = pgTable(
  "saml_seen_assertions",
  {
    identityProviderId: uuid("identity_provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    assertionId: text("assertion_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.identityProviderId, t.assertionId] }),
    index("saml_seen_assertions_expires").on(t.expiresAt),
  ],
);
