/** Retry timing of the outbox: exponential from the base, capped, and given up after a fixed period. Pure. */
export const MAX_RETRY_DELAY_SECONDS = 3600;
export const GIVE_UP_AFTER_MS = 3 * 24 * 3600 * 1000;
/** How long a claimed message is left to its worker before another may claim it (longer than any send). */
export const CLAIM_LEASE_SECONDS = 300;

/** Delay after the `attempts`-th failed attempt: base, 2×base, 4×base, … at most an hour. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_SECONDS);
}

/** When to try again after a failed attempt at `now`, or null to give up (3 days after the message was written). */
export function nextAttemptAfterFailure(
  input: { createdAt: Date; attempts: number; now: Date },
  baseSeconds: number,
): Date | null {
  if (input.now.getTime() - input.createdAt.getTime() >= GIVE_UP_AFTER_MS) return null;
  return new Date(input.now.getTime() + retryDelaySeconds(input.attempts, baseSeconds) * 1000);
}
