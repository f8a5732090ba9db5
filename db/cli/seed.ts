import { systemClock } from "@/server/clock";
import { isDatabaseEmpty, seedDemoData } from "../seed";
import { openConfiguredDatabase } from "./open";

const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  if (!(await isDatabaseEmpty(handle.db))) {
    console.error("The database already holds accounts or teams; demo data goes only into an empty database.");
    process.exitCode = 1;
  } else {
    await seedDemoData(handle.db, systemClock);
    console.log(`Demo data seeded (${handle.kind}). Sign in as owner@acme.example with DemoPass-2026.`);
  }
} finally {
  await handle.close();
}
