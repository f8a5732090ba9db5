import { eq, like } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hosts } from "@/db/schema";
import { type HostsEmulator, startHostsEmulator } from "@/hosts-emulator/emulator";
import { DEMO_HOSTS } from "../demo/demo-hosts";

/**
 * The demo's hosts on an emulator of the test's own (a free port, the test's clock), with the
 * seeded demo hosts pointed at it, so a test reaches Acme Production as the demo does.
 */
export async function startDemoHostsEmulator(db: Database, clock?: { now(): Date }): Promise<HostsEmulator> {
  const emulator = await startHostsEmulator({ hosts: Object.values(DEMO_HOSTS), clock });
  for (const host of Object.values(DEMO_HOSTS)) {
    await db
      .update(hosts)
      .set({ adminApiUrl: emulator.url(host.id) })
      .where(like(hosts.adminApiUrl, `%/hosts/${host.id}`));
  }
  return emulator;
}

/** A seeded demo host's row, by name ("Acme Production"). */
export async function demoHostByName(db: Database, name: string) {
  const [host] = await db.select().from(hosts).where(eq(hosts.name, name));
  if (!host) throw new Error(`No demo host named ${name}`);
  return host;
}
