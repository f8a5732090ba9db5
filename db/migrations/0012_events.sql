CREATE TABLE "event_dispatch_cursors" (
	"chain" text PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"head_seq" bigint NOT NULL,
	"dispatched_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_account_id_kind_pk" PRIMARY KEY("account_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"team_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text NOT NULL,
	"event_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_dispatch_cursors_due" ON "event_dispatch_cursors" USING btree ("chain") WHERE "event_dispatch_cursors"."head_seq" > "event_dispatch_cursors"."dispatched_seq";--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_account_kind" ON "notifications" USING btree ("event_id","account_id","kind");--> statement-breakpoint
CREATE INDEX "notifications_account_newest" ON "notifications" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_account_team_newest" ON "notifications" USING btree ("account_id","team_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread" ON "notifications" USING btree ("account_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_created" ON "notifications" USING btree ("created_at");--> statement-breakpoint
-- hand-written:
-- Events recorded before the pipeline existed were told by mail already (or not at all): every
-- existing chain starts with all of its events counted as dispatched.
INSERT INTO "event_dispatch_cursors" ("chain", "team_id", "head_seq", "dispatched_seq")
SELECT coalesce("team_id"::text, 'platform'), "team_id", max("seq"), max("seq")
FROM "audit_events"
GROUP BY "team_id";
