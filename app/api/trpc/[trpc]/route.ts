import { currentSessionId } from "@/server/auth/next-auth";
import { systemClock } from "@/server/clock";
import { createContext } from "@/server/context";
import { getDatabase } from "@/server/database";
import { handleApiRequest } from "@/server/http/api-handler";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";

async function handle(request: Request) {
  if (request.method !== "GET" && isCrossOriginRequest(request, configuredOrigins())) {
    return Response.json(
      { error: { message: "Cross-origin requests cannot change anything here. Use the console itself." } },
      { status: 403 },
    );
  }
  const [{ db }, sessionId] = await Promise.all([getDatabase(), currentSessionId()]);
  return handleApiRequest(request, {
    clock: systemClock,
    createContext: () => createContext({ db, clock: systemClock, headers: request.headers, sessionId }),
  });
}

export { handle as GET, handle as POST };
