import { noRequest, systemActor } from "../actor";
import { systemClock } from "../clock";
import { issueConnectUsageToken } from "../connect-usage/usage-token";
import { DomainError } from "../errors";
import { openConfiguredDatabase } from "./configured-database";

/**
 * npm run connect:usage-token -- <team id>
 * Prints a new usage token for a Claris Connect team, for the platform's metering to report with;
 * the team's earlier token stops working.
 */
const teamId = process.argv[2];
if (!teamId || !/^[0-9a-f-]{36}$/i.test(teamId)) {
  console.error("Usage: npm run connect:usage-token -- <team id>");
  process.exit(2);
}

const handle = await openConfiguredDatabase();
const ctx = { actor: systemActor("Connect usage token command"), clock: systemClock, request: noRequest };
try {
  await handle.migrate();
  const { token } = await issueConnectUsageToken(handle.db, ctx, teamId);
  console.log(`Usage token for team ${teamId} (shown once; the earlier one no longer works):`);
  console.log(token);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
