import { sql } from "drizzle-orm";
import { boolean, index, pgTable, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { membershipRole, membershipStatus } from "./enums";
import { identityProviders } from "./identity-providers";
import { teams } from "./teams";

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("member"),
    /** FileMaker Cloud only: the member uses one of the subscription's seats. */
    licensed: boolean("licensed").notNull().default(false),
    status: membershipStatus("status").notNull().default("active"),
    /** The identity provider the member last signed in through; set by just-in-time sign-in. */
    identityProviderId: uuid("identity_provider_id").references(() => identityProviders.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("memberships_team_account_unique").on(t.teamId, t.accountId),
    // Lets tenant-owned children reference (team_id, id) so a row can never point into another team.
    unique("memberships_team_id_unique").on(t.teamId, t.id),
    uniqueIndex("memberships_one_owner_per_team").on(t.teamId).where(sql`${t.role} = 'owner'`),
    index("memberships_account").on(t.accountId),
    // Keyset pages of the Users table sorted by role, status or licence: (value, account id).
    index("memberships_team_role_account").on(t.teamId, t.role, t.accountId),
    index("memberships_team_status_account").on(t.teamId, t.status, t.accountId),
    index("memberships_team_licensed_account").on(t.teamId, t.licensed, t.accountId),
    // Counting the seats in use reads this index alone (status included), not 30,000 rows of a large team.
    index("memberships_team_licensed_status").on(t.teamId, t.status).where(sql`${t.licensed}`),
    index("memberships_team_identity_provider_account").on(t.teamId, t.identityProviderId, t.accountId),
  ],
);
