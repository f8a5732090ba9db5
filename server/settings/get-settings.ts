import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, teamSettings } from "@/db/schema";
import { DomainError } from "../errors";

export async function getTeamSettings(db: Queryable, teamId: string) {
  const [settings] = await db.select().from(teamSettings).where(eq(teamSettings.teamId, teamId));
  if (!settings) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
  const breakGlass = settings.ssoBreakGlassAccountIds.length
    ? await db
        .select({ email: accounts.email })
        .from(accounts)
        .where(inArray(accounts.id, settings.ssoBreakGlassAccountIds))
    : [];
  return { ...settings, ssoBreakGlassEmails: breakGlass.map((row) => row.email).sort() };
}
