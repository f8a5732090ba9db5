import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamSettings } from "@/db/schema";
import { DomainError } from "../errors";

export async function getTeamSettings(db: Queryable, teamId: string) {
  const [settings] = await db.select().from(teamSettings).where(eq(teamSettings.teamId, teamId));
  if (!settings) throw new DomainError("NOT_FOUND", "thisTeamHasNoSettings");
  return settings;
}
