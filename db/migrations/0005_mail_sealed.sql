ALTER TABLE "mail_outbox" ADD COLUMN "erase_when_sent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "mail_outbox_sent" ON "mail_outbox" USING btree ("sent_at");--> statement-breakpoint
-- hand-written: mail written before subjects and bodies were encrypted holds live links and codes in plaintext; it goes.
DELETE FROM "mail_outbox" WHERE "text_body" NOT LIKE 'v1.%';
