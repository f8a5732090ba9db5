CREATE TABLE "team_billing_contacts" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connect_usage_alerts" (
	"team_id" uuid NOT NULL,
	"month" text NOT NULL,
	"level" text NOT NULL,
	"request_limit" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "connect_usage_alerts_team_id_month_level_request_limit_pk" PRIMARY KEY("team_id","month","level","request_limit")
);
--> statement-breakpoint
CREATE TABLE "connect_usage_tokens" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "connect_usage_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "team_settings" ADD COLUMN "managed_users_may_change_name" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "team_billing_contacts" ADD CONSTRAINT "team_billing_contacts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_usage_alerts" ADD CONSTRAINT "connect_usage_alerts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_usage_tokens" ADD CONSTRAINT "connect_usage_tokens_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connect_usage_alerts_suspended" ON "connect_usage_alerts" USING btree ("team_id") WHERE "connect_usage_alerts"."level" = 'limit' and "connect_usage_alerts"."lifted_at" is null;