CREATE TYPE "public"."host_kind" AS ENUM('cloud', 'self_hosted');--> statement-breakpoint
CREATE TYPE "public"."host_metric_resolution" AS ENUM('minute', 'hour');--> statement-breakpoint
CREATE TYPE "public"."host_operation_kind" AS ENUM('stop_host', 'start_host', 'restart_host', 'open_database', 'close_database', 'pause_database', 'resume_database', 'send_message', 'disconnect_client', 'back_up_now', 'restore_backup', 'run_schedule', 'enable_schedule', 'disable_schedule');--> statement-breakpoint
CREATE TYPE "public"."host_operation_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
ALTER TYPE "public"."host_status" ADD VALUE 'unreachable';--> statement-breakpoint
CREATE TABLE "host_metrics" (
	"team_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"resolution" "host_metric_resolution" NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"cpu_percent" real NOT NULL,
	"memory_percent" real NOT NULL,
	"connected_clients" integer NOT NULL,
	"storage_bytes" bigint NOT NULL,
	"data_transfer_bytes" bigint NOT NULL,
	CONSTRAINT "host_metrics_host_id_resolution_recorded_at_pk" PRIMARY KEY("host_id","resolution","recorded_at")
);
--> statement-breakpoint
CREATE TABLE "host_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"kind" "host_operation_kind" NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "host_operation_status" DEFAULT 'queued' NOT NULL,
	"requested_by_account_id" uuid,
	"failure" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "host_backups" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "host_backups" CASCADE;--> statement-breakpoint
DROP INDEX "hosts_hostname_unique";--> statement-breakpoint
ALTER TABLE "hosts" ALTER COLUMN "region" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ALTER COLUMN "compute_size" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_apps" ADD COLUMN "database_id" text;--> statement-breakpoint
ALTER TABLE "custom_apps" ADD COLUMN "clients" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_apps" ADD COLUMN "encrypted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "kind" "host_kind" DEFAULT 'cloud' NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "status_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "admin_api_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ALTER COLUMN "admin_api_url" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "admin_user" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ALTER COLUMN "admin_user" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "admin_password_encrypted" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ALTER COLUMN "admin_password_encrypted" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "ca_certificate" text;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "next_poll_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "last_polled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "last_poll_error" text;--> statement-breakpoint
ALTER TABLE "hosts" ADD COLUMN "live_state" jsonb;--> statement-breakpoint
ALTER TABLE "host_metrics" ADD CONSTRAINT "host_metrics_team_id_host_id_hosts_team_id_id_fk" FOREIGN KEY ("team_id","host_id") REFERENCES "public"."hosts"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_operations" ADD CONSTRAINT "host_operations_requested_by_account_id_accounts_id_fk" FOREIGN KEY ("requested_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_operations" ADD CONSTRAINT "host_operations_team_id_host_id_hosts_team_id_id_fk" FOREIGN KEY ("team_id","host_id") REFERENCES "public"."hosts"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "host_operations_host_created" ON "host_operations" USING btree ("host_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "host_operations_one_active_per_host" ON "host_operations" USING btree ("host_id") WHERE "host_operations"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "host_operations_queued" ON "host_operations" USING btree ("created_at") WHERE "host_operations"."status" = 'queued';--> statement-breakpoint
CREATE UNIQUE INDEX "hosts_team_server_unique" ON "hosts" USING btree ("team_id","admin_api_url") WHERE "hosts"."kind" = 'self_hosted';--> statement-breakpoint
CREATE INDEX "hosts_next_poll" ON "hosts" USING btree ("next_poll_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hosts_hostname_unique" ON "hosts" USING btree (lower("hostname")) WHERE "hosts"."kind" = 'cloud';--> statement-breakpoint
DROP TYPE "public"."backup_kind";