import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { customApps, hosts } from "@/db/schema";
import { DomainError } from "../../errors";

/**
 * The team's custom app, locked for the rest of the transaction so that changes to its access
 * are made one after another.
 */
export async function lockCustomApp(tx: Transaction, teamId: string, customAppId: string) {
  const [app] = await tx
    .select({ id: customApps.id, name: customApps.name, hostName: hosts.name })
    .from(customApps)
    .innerJoin(hosts, and(eq(hosts.teamId, customApps.teamId), eq(hosts.id, customApps.hostId)))
    .where(and(eq(customApps.teamId, teamId), eq(customApps.id, customAppId)))
    .for("update", { of: customApps });
  if (!app) throw new DomainError("NOT_FOUND", "thisCustomAppDoesNotExist");
  return app;
}
