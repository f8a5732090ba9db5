CREATE TABLE "audit_personal_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"team_id" uuid,
	"path" jsonb NOT NULL,
	"digest" text NOT NULL,
	"salt" text,
	"account_id" uuid,
	"email_key" text,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "erase_when_sent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_personal_fields" ADD CONSTRAINT "audit_personal_fields_event_id_audit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_personal_fields_team" ON "audit_personal_fields" USING btree ("team_id","event_id");--> statement-breakpoint
CREATE INDEX "audit_personal_fields_account" ON "audit_personal_fields" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "audit_personal_fields_email" ON "audit_personal_fields" USING btree ("email_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_sent" ON "mail_outbox" USING btree ("sent_at");--> statement-breakpoint
-- hand-written: mail written before subjects and bodies were encrypted holds live links and codes in plaintext; it goes.
DELETE FROM "mail_outbox" WHERE "text_body" NOT LIKE 'v1.%';
