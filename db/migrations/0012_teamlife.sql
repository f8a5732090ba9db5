CREATE TABLE "team_billing_contacts" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_settings" ADD COLUMN "managed_users_may_change_name" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "team_billing_contacts" ADD CONSTRAINT "team_billing_contacts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;