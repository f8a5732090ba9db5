import { systemClock } from "../clock";
import { consoleMode } from "../config/env";
import { seedDemoIfWanted } from "../demo/seed";
import { openConfiguredDatabase } from "./configured-database";

const mode = consoleMode();
if (mode !== "demo") {
  console.error(
    `Demo data goes only into a demo (this is ${mode}): its passwords and support key are published. ` +
      `Run with CONSOLE_ENV=demo to seed a database server on purpose.`,
  );
  process.exit(1);
}
const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  if (await seedDemoIfWanted(handle.db, systemClock)) {
    console.log(`Demo data seeded (${handle.kind}). Sign in as owner@acme.example with DemoPass-2026.`);
  } else {
    console.error("The database already holds accounts or teams; demo data goes only into an empty database.");
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
