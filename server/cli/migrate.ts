import { openConfiguredDatabase } from "./configured-database";

const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
