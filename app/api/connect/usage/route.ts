import { systemClock } from "@/server/clock";
import { handleUsageReport } from "@/server/connect-usage/usage-endpoint";
import { getDatabase } from "@/server/database";

/** Claris Connect's metering reports a team's usage here with the team's usage token. */
export async function POST(request: Request) {
  const { db } = await getDatabase();
  return handleUsageReport(db, systemClock, request);
}
