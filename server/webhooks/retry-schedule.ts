const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait after each failed attempt, as Standard Webhooks suggests: the first attempt is at
 * once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, and 10 h again until the retry window closes.
 */
export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR] as const;

/** Up to a tenth either way, so receivers that failed together are not all retried in the same second. */
const JITTER = 0.1;

/** When to try again after `attempts` failed attempts; `random` in [0, 1). */
export function nextAttemptAt(now: Date, attempts: number, random: number = Math.random()): Date {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  const jittered = base * (1 + JITTER * (2 * random - 1));
  return new Date(now.getTime() + Math.round(jittered));
}
