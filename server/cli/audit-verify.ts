import { auditVerifyCommand } from "../audit/verify-command";
import { openConfiguredDatabase } from "./configured-database";

/** npm run audit:verify -- --team <team id>: exit status 0 when intact, 1 when broken, 2 for usage. */
const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  const outcome = await auditVerifyCommand(handle.db, process.argv.slice(2));
  (outcome.status === 0 ? console.log : console.error)(outcome.message);
  process.exitCode = outcome.status;
} finally {
  await handle.close();
}
