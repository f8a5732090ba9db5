import { systemClock } from "@/server/clock";
import { getDatabase } from "@/server/database";
import { handleScimRequest } from "@/server/scim/scim-request";

/** SCIM 2.0 provisioning for identity providers (Okta, Microsoft Entra ID); the team's SCIM token authenticates. */
async function handle(request: Request) {
  const { db } = await getDatabase();
  return handleScimRequest(db, systemClock, request);
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
