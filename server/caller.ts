import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { currentSessionId } from "./auth/next-auth";
import { systemClock } from "./clock";
import { createContext } from "./context";
import { getDatabase } from "./database";
import { createCaller } from "./routers/root";

/** The tRPC caller for server components: the same procedures the browser calls, once per request. */
export const serverApi = cache(async () => {
  const [{ db }, requestHeaders, sessionId] = await Promise.all([getDatabase(), headers(), currentSessionId()]);
  return createCaller(await createContext({ db, clock: systemClock, headers: requestHeaders, sessionId }));
});
