import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

/**
 * Who besides the owner gets the team's invoices and billing notices: at most one per team,
 * and optional. Personal data: purged with the team.
 */
export const teamBillingContacts = pgTable("team_billing_contacts", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  name: text("name"),
  email: text("email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
