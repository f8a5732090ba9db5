CREATE TABLE "ownership_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"from_membership_id" uuid NOT NULL,
	"to_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "memberships_team_role";--> statement-breakpoint
DROP INDEX "memberships_team_status";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "ownership_transfers" ADD CONSTRAINT "ownership_transfers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_transfers" ADD CONSTRAINT "ownership_transfers_team_id_from_membership_id_memberships_team_id_id_fk" FOREIGN KEY ("team_id","from_membership_id") REFERENCES "public"."memberships"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_transfers" ADD CONSTRAINT "ownership_transfers_team_id_to_membership_id_memberships_team_id_id_fk" FOREIGN KEY ("team_id","to_membership_id") REFERENCES "public"."memberships"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ownership_transfers_one_open_per_team" ON "ownership_transfers" USING btree ("team_id") WHERE "ownership_transfers"."accepted_at" is null and "ownership_transfers"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "ownership_transfers_to" ON "ownership_transfers" USING btree ("to_membership_id");--> statement-breakpoint
CREATE INDEX "accounts_name_order" ON "accounts" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "accounts_email_order" ON "accounts" USING btree (lower("email"),"id");--> statement-breakpoint
CREATE INDEX "accounts_last_sign_in_order" ON "accounts" USING btree (coalesce("last_sign_in_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "memberships_team_role_account" ON "memberships" USING btree ("team_id","role","account_id");--> statement-breakpoint
CREATE INDEX "memberships_team_status_account" ON "memberships" USING btree ("team_id","status","account_id");--> statement-breakpoint
CREATE INDEX "memberships_team_licensed_account" ON "memberships" USING btree ("team_id","licensed","account_id");