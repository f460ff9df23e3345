// Retry delays after failures: exponential with "full jitter" (a random delay between zero and the
// exponential cap), so many devices coming back online at once do not hit the server together.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The delay before retry number `attempt` (0 for the first retry); `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}
