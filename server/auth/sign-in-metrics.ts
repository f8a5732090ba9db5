import { consoleMetrics } from "../metrics/console-metrics";

/** A wrong password or second-step code, and whether it locked the sign-in. */
export function countSignInFailure(step: "password" | "second_step", locked: boolean): void {
  const metrics = consoleMetrics();
  metrics.signInFailures.inc({ step });
  if (locked) metrics.signInLocks.inc({ step });
}

export function countSignInSuccess(): void {
  consoleMetrics().signInSuccesses.inc();
}
