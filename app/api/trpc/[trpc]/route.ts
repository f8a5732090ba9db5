import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentSessionId } from "@/server/auth/next-auth";
import { systemClock } from "@/server/clock";
import { createContext } from "@/server/context";
import { getDatabase } from "@/server/database";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";
import { appRouter } from "@/server/routers/root";

async function handle(request: Request) {
  if (request.method !== "GET" && isCrossOriginRequest(request, configuredOrigins())) {
    return Response.json(
      { error: { message: "Cross-origin requests cannot change anything here. Use the console itself." } },
      { status: 403 },
    );
  }
  const [{ db }, sessionId] = await Promise.all([getDatabase(), currentSessionId()]);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ db, clock: systemClock, headers: request.headers, sessionId }),
    responseMeta: ({ ctx }) => ({ headers: new Headers(ctx ? { "x-request-id": ctx.request.requestId } : {}) }),
  });
}

export { handle as GET, handle as POST };
