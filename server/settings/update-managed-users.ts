import type { Queryable } from "@/db/client";
import type { DomainContext } from "../domain-context";
import { changeSettings } from "./change-settings";

export interface ManagedUserSettings {
  managedUsersMayChangeEmail: boolean;
  managedUsersMayChangeName: boolean;
}

/** What the accounts the team manages may change on their own profile. */
export async function updateManagedUserSettings(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string } & ManagedUserSettings,
): Promise<void> {
  const { teamId, ...change } = input;
  await changeSettings(db, ctx, teamId, change);
}
