import { count, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite } from "@/db/client";
import { accounts, staff } from "@/db/schema";
import { systemClock } from "@/server/clock";
import { withoutEnvironment } from "@/server/testing/environment";
import { refusePublishedDemoKey, seedDemoIfWanted } from "./seed";

const VARIABLES = ["CONSOLE_ENV", "DATABASE_URL"] as const;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openPglite();
  await handle.migrate();
});
afterAll(() => handle.close());
withoutEnvironment(VARIABLES);

async function accountCount(): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(accounts);
  return row!.n;
}

describe("an empty database", () => {
  it("gets no demo data, nor its published support key, on a database server or in production", async () => {
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    expect(await seedDemoIfWanted(handle.db, systemClock)).toBe(false);
    process.env.CONSOLE_ENV = "production";
    expect(await seedDemoIfWanted(handle.db, systemClock)).toBe(false);
    delete process.env.DATABASE_URL;
    expect(await seedDemoIfWanted(handle.db, systemClock)).toBe(false);
    expect(await accountCount()).toBe(0);
    expect(await handle.db.select().from(staff)).toEqual([]);
  });

  it("gets the demo once in demo mode", async () => {
    process.env.CONSOLE_ENV = "demo";
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    expect(await seedDemoIfWanted(handle.db, systemClock)).toBe(true);
    expect(await accountCount()).toBeGreaterThan(20);
    expect(await seedDemoIfWanted(handle.db, systemClock)).toBe(false);
  });

  it("is refused outside demo mode while staff still hold the demo's published authenticator key", async () => {
    process.env.CONSOLE_ENV = "demo";
    await expect(refusePublishedDemoKey(handle.db)).resolves.toBeUndefined();
    delete process.env.CONSOLE_ENV;
    process.env.DATABASE_URL = "postgres://console@db.internal/console";
    await expect(refusePublishedDemoKey(handle.db)).rejects.toThrow(
      "Staff support@console.example still sign in with the demo's published authenticator key",
    );
    process.env.CONSOLE_ENV = "production";
    await expect(refusePublishedDemoKey(handle.db)).rejects.toThrow("npm run staff -- remove <email>");

    await handle.db.update(staff).set({ revokedAt: new Date() }).where(isNull(staff.revokedAt));
    await expect(refusePublishedDemoKey(handle.db)).resolves.toBeUndefined();
  });
});
