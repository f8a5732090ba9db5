DROP INDEX "memberships_team_licensed";--> statement-breakpoint
CREATE INDEX "memberships_team_licensed_status" ON "memberships" USING btree ("team_id","status") WHERE "memberships"."licensed";