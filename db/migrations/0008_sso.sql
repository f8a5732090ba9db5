CREATE TABLE "external_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identity_provider_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_account" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saml_seen_assertions" (
	"identity_provider_id" uuid NOT NULL,
	"assertion_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saml_seen_assertions_identity_provider_id_assertion_id_pk" PRIMARY KEY("identity_provider_id","assertion_id")
);
--> statement-breakpoint
CREATE TABLE "sso_sign_in_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"identity_provider_id" uuid NOT NULL,
	"code_verifier_encrypted" text,
	"nonce" text,
	"saml_request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sso_sign_in_states_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "team_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_providers" ALTER COLUMN "issuer" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ALTER COLUMN "client_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ALTER COLUMN "group_claim" SET DEFAULT 'groups';--> statement-breakpoint
-- hand-written: nothing wrote providers before, but a null group claim would stop the next line.
UPDATE "identity_providers" SET "group_claim" = 'groups' WHERE "group_claim" IS NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ALTER COLUMN "group_claim" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "team_settings" ADD COLUMN "sso_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "team_settings" ADD COLUMN "sso_break_glass_account_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "identity_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "scopes" text DEFAULT 'openid email profile' NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "saml_metadata_url" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "saml_metadata_xml" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "saml_sso_url" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "saml_signing_certificates" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "default_role" "membership_role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "default_licensed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "tested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_challenges" ADD COLUMN "identity_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saml_seen_assertions" ADD CONSTRAINT "saml_seen_assertions_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_in_states" ADD CONSTRAINT "sso_sign_in_states_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_domains" ADD CONSTRAINT "team_domains_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "external_identities_provider_subject_unique" ON "external_identities" USING btree ("identity_provider_id","subject");--> statement-breakpoint
CREATE INDEX "external_identities_account" ON "external_identities" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "saml_seen_assertions_expires" ON "saml_seen_assertions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "team_domains_team_domain_unique" ON "team_domains" USING btree ("team_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "team_domains_verified_domain_unique" ON "team_domains" USING btree ("domain") WHERE "team_domains"."verified_at" is not null;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_challenges" ADD CONSTRAINT "sign_in_challenges_identity_provider_id_identity_providers_id_fk" FOREIGN KEY ("identity_provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_team_identity_provider_account" ON "memberships" USING btree ("team_id","identity_provider_id","account_id");--> statement-breakpoint
ALTER TABLE "identity_providers" DROP COLUMN "email_domains";