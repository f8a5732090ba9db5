import { systemClock } from "@/server/clock";
import { getDatabase } from "@/server/database";
import { handleRestRequest } from "@/server/rest/handle-rest-request";

async function handle(request: Request) {
  const { db } = await getDatabase();
  return handleRestRequest(request, { db, clock: systemClock });
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
