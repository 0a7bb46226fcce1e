// What the portal last said about each method's operating time (https://apidocs.bitrix24.com/settings/performance/limits.html):
// `time.operating` is the execution seconds this webhook spent on the method in
// the last ten minutes, `time.operating_reset_at` when the oldest of those
// minutes stops counting. Kept per method because the portal counts per method.
import type { TimeBlock } from '../core/dialog-types';
import { systemClock, type Clock } from './clock';

/** The documented figure. The portal does not publish its real limit, so anything shown against it is an estimate. */
export const DOCUMENTED_OPERATING_LIMIT_SECONDS = 480;

export interface OperatingBudget {
  /** The method the figures are for. */
  method: string;
  /** Seconds used in the rolling ten minutes, as of the last answer. */
  usedSeconds: number;
  /** Always the documented 480 s: an estimate, not the portal's own number. */
  limitSeconds: number;
  /** When the oldest counted minute drops out, as local epoch ms (corrected for the portal's clock); null when the portal did not say. */
  resetAt: number | null;
  /** When that answer arrived, local epoch ms. */
  measuredAt: number;
}

export class OperatingTracker {
  readonly #byMethod = new Map<string, OperatingBudget>();
  #latest: OperatingBudget | null = null;

  constructor(private readonly clock: Clock = systemClock) {}

  /** Keeps the figures of a `time` block; a block without `operating` (on-premise portals) changes nothing. */
  record(method: string, time: TimeBlock | null | undefined): void {
    if (!time || typeof time.operating !== 'number' || !Number.isFinite(time.operating)) return;
    const measuredAt = this.clock.now();
    const budget: OperatingBudget = {
      method,
      usedSeconds: time.operating,
      limitSeconds: DOCUMENTED_OPERATING_LIMIT_SECONDS,
      resetAt: localResetAt(time, measuredAt),
      measuredAt,
    };
    this.#byMethod.set(method, budget);
    this.#latest = budget;
  }

  /** The given method's figures, or the most recently measured method's; null before any `time` block. */
  budget(method?: string): OperatingBudget | null {
    const found = method === undefined ? this.#latest : this.#byMethod.get(method);
    return found ? { ...found } : null;
  }

  /** Milliseconds until the method's oldest counted minute drops out; null when unknown or already past. */
  msUntilReset(method: string): number | null {
    const resetAt = this.#byMethod.get(method)?.resetAt;
    if (resetAt === null || resetAt === undefined) return null;
    const ms = resetAt - this.clock.now();
    return ms > 0 ? ms : null;
  }
}

/**
 * operating_reset_at is in the portal's clock. Measured against the same
 * answer's `finish`, it becomes a span, so a desktop clock that is minutes off
 * still waits the right time; without `finish` we can only trust our clock.
 */
function localResetAt(time: TimeBlock, measuredAt: number): number | null {
  const reset = time.operating_reset_at;
  if (typeof reset !== 'number' || !Number.isFinite(reset)) return null;
  if (typeof time.finish === 'number' && Number.isFinite(time.finish)) {
    return measuredAt + Math.round((reset - time.finish) * 1000);
  }
  return Math.round(reset * 1000);
}
