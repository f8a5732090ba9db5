import "server-only";
import type { Database } from "@/db/client";
import type { Clock } from "../clock";
import { forgetExpiredSamlAssertions } from "./saml";
import { forgetExpiredSignInStates } from "./sign-in-state";

/** Provider sign-ins that were never finished, and SAML assertion ids past the time they could be replayed. */
export async function runForgetSignInLeftoversJob(
  db: Database,
  clock: Clock,
): Promise<{ states: number; assertions: number }> {
  const now = clock.now();
  return {
    states: await forgetExpiredSignInStates(db, now),
    assertions: await forgetExpiredSamlAssertions(db, now),
  };
}
