// Per-method execution-time accounting (https://apidocs.bitrix24.com/settings/performance/limits.html): each (webhook, method) pair
// keeps ten one-minute buckets; what falls out of the last ten minutes no
// longer counts. Amounts are kept in whole microseconds so repeated small costs
// add up exactly and a limit of N allows exactly N / cost calls.

const WINDOW_MINUTES = 10;
const MINUTE_MS = 60_000;

interface Bucket {
  minute: number;
  /** Unix seconds of the first call that landed in this bucket. */
  firstCallAt: number;
  micros: number;
}

export interface OperatingState {
  /** Accumulated seconds in the window, this call included. */
  operating: number;
  /** Unix seconds when the oldest live bucket drops out. */
  resetAt: number;
}

export class OperatingBudget {
  private readonly buckets = new Map<string, Bucket[]>();
  private readonly limitMicros: number;
  private readonly costMicros: number;

  constructor(limitSeconds: number, costSeconds: number, private readonly now: () => number = Date.now) {
    this.limitMicros = Math.round(limitSeconds * 1e6);
    this.costMicros = Math.round(costSeconds * 1e6);
  }

  /** Charges one call; null when the method is blocked (nothing is charged then). */
  charge(account: string, method: string): OperatingState | null {
    const nowMs = this.now();
    const live = this.live(`${account}\n${method}`, nowMs);
    if (sum(live) >= this.limitMicros) return null;
    const minute = Math.floor(nowMs / MINUTE_MS);
    let bucket = live.at(-1);
    if (!bucket || bucket.minute !== minute) {
      bucket = { minute, firstCallAt: Math.floor(nowMs / 1000), micros: 0 };
      live.push(bucket);
    }
    bucket.micros += this.costMicros;
    return state(live, nowMs);
  }

  /** The current state without charging (the outer batch call is not counted). */
  peek(account: string, method: string): OperatingState {
    const nowMs = this.now();
    return state(this.live(`${account}\n${method}`, nowMs), nowMs);
  }

  private live(key: string, nowMs: number): Bucket[] {
    const oldestLiveMinute = Math.floor(nowMs / MINUTE_MS) - WINDOW_MINUTES + 1;
    const kept = (this.buckets.get(key) ?? []).filter((b) => b.minute >= oldestLiveMinute);
    this.buckets.set(key, kept);
    return kept;
  }
}

function sum(buckets: Bucket[]): number {
  return buckets.reduce((total, b) => total + b.micros, 0);
}

function state(live: Bucket[], nowMs: number): OperatingState {
  const oldest = live[0];
  const windowStart = oldest ? oldest.firstCallAt : Math.floor(nowMs / 1000);
  return { operating: sum(live) / 1e6, resetAt: windowStart + WINDOW_MINUTES * 60 };
}
