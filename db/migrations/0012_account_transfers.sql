CREATE TYPE "public"."account_transfer_status" AS ENUM('pending', 'completed', 'denied', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "account_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"to_team_id" uuid NOT NULL,
	"status" "account_transfer_status" DEFAULT 'pending' NOT NULL,
	"out_approval_required" boolean NOT NULL,
	"in_approval_required" boolean NOT NULL,
	"out_allowed_at" timestamp with time zone,
	"out_allowed_by_account_id" uuid,
	"in_allowed_at" timestamp with time zone,
	"in_allowed_by_account_id" uuid,
	"denied_side" text,
	"deny_reason" text,
	"licensed_on_arrival" boolean,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "account_transfers" ADD CONSTRAINT "account_transfers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_transfers" ADD CONSTRAINT "account_transfers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_transfers" ADD CONSTRAINT "account_transfers_to_team_id_teams_id_fk" FOREIGN KEY ("to_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_transfers" ADD CONSTRAINT "account_transfers_out_allowed_by_account_id_accounts_id_fk" FOREIGN KEY ("out_allowed_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_transfers" ADD CONSTRAINT "account_transfers_in_allowed_by_account_id_accounts_id_fk" FOREIGN KEY ("in_allowed_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_transfers_one_pending_per_account" ON "account_transfers" USING btree ("account_id") WHERE "account_transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "account_transfers_team" ON "account_transfers" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "account_transfers_to_team" ON "account_transfers" USING btree ("to_team_id");--> statement-breakpoint
CREATE INDEX "account_transfers_account_created" ON "account_transfers" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "account_transfers_pending_expiry" ON "account_transfers" USING btree ("expires_at") WHERE "account_transfers"."status" = 'pending';