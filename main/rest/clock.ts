// Time as the REST layer sees it. Injected so the limiter and the retry policy
// can be tested with a fake clock, and so a test can move "now" close to a
// portal's operating_reset_at instead of waiting ten real minutes.
import { inspectorError } from '../core/error-codes';

export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up on every use rather than captured, so fake timers installed later still apply.
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function cancelledError() {
  return inspectorError('CANCELLED');
}

/** Resolves after `ms`; rejects with CANCELLED as soon as the signal aborts, and then leaves no timer behind. */
export function abortableDelay(ms: number, signal: AbortSignal | undefined, clock: Clock = systemClock): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(cancelledError());
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
