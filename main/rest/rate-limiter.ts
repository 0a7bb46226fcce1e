// The client side of the portal's leaky bucket (https://apidocs.bitrix24.com/settings/performance/limits.html): each request adds
// one unit, the bucket drains continuously, and a request that would overflow
// it waits in line instead of earning a 503 QUERY_LIMIT_EXCEEDED.
//
// Ours rather than the SDK's (which we turn off): the SDK's waits cannot be
// seen per call or cancelled (a call abandoned while it waits is still sent
// later), and it does not serve waiting calls in order; measured, the second of
// four queued calls went out last.
import { cancelledError, systemClock, type Clock } from './clock';

export interface RateLimit {
  /** Requests the bucket holds before the portal refuses. */
  burst: number;
  /** Requests per second the bucket drains. */
  drainPerSecond: number;
}

/** The portal's own numbers by plan (https://apidocs.bitrix24.com/settings/performance/limits.html). */
export const RATE_LIMITS = {
  standard: { burst: 50, drainPerSecond: 2 },
  enterprise: { burst: 250, drainPerSecond: 5 },
} as const satisfies Record<string, RateLimit>;

export interface AcquireOptions {
  signal?: AbortSignal;
  /** Told when the request has to wait and for about how long (ms); told again if that wait grows. */
  onWait?: (waitMs: number) => void;
  /** Goes to the head of the line: a retry has already waited its turn once. */
  front?: boolean;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort(): void;
  onWait: ((waitMs: number) => void) | undefined;
  /** When this waiter was last told it would go. */
  promisedAt: number;
}

// Estimates move by a millisecond or two as timers fire late; only a real change is worth telling.
const REPORT_SLACK_MS = 50;
const HEADROOM_SECONDS = 0.5;
// Float drift must not turn "exactly room for one" into another timer round.
const EPSILON = 1e-9;

export class RateLimiter {
  readonly #drainPerMs: number;
  readonly #capacity: number;
  readonly #clock: Clock;
  #level = 0;
  #updatedAt: number;
  #queue: Waiter[] = [];
  #timer: unknown = null;
  #closed: Error | null = null;

  constructor(limit: RateLimit, clock: Clock = systemClock) {
    if (!(limit.burst >= 1) || !(limit.drainPerSecond > 0)) {
      throw new RangeError(`A rate limit needs burst >= 1 and drainPerSecond > 0, got ${limit.burst} and ${limit.drainPerSecond}`);
    }
    this.#clock = clock;
    this.#drainPerMs = limit.drainPerSecond / 1000;
    // Headroom: the portal counts a request when it arrives and we when we send
    // it, so a request that travels faster than the one before it (an open
    // connection against a fresh TLS handshake) finds the portal's bucket fuller
    // than ours. Half a second of drain absorbs that jitter; it costs one unit
    // of 50 (three of 250 on Enterprise) and nothing of the sustained rate.
    const headroom = Math.min(Math.max(1, Math.ceil(limit.drainPerSecond * HEADROOM_SECONDS)), limit.burst - 1);
    this.#capacity = limit.burst - Math.max(0, headroom);
    this.#updatedAt = clock.now();
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Resolves when the request may be sent (its unit is then counted); rejects with CANCELLED when aborted or closed. */
  acquire(options: AcquireOptions = {}): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (options.signal?.aborted) return Promise.reject(cancelledError());
    this.#drain();
    if (this.#queue.length === 0 && this.#fits()) {
      this.#level += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal: options.signal,
        onWait: options.onWait,
        promisedAt: Number.NEGATIVE_INFINITY,
        onAbort: () => {
          this.#queue = this.#queue.filter((w) => w !== waiter);
          reject(cancelledError());
          this.#pump();
        },
      };
      options.signal?.addEventListener('abort', waiter.onAbort, { once: true });
      if (options.front) this.#queue.unshift(waiter);
      else this.#queue.push(waiter);
      this.#pump();
    });
  }

  /**
   * The portal answered QUERY_LIMIT_EXCEEDED: its bucket is full whatever ours
   * says (other apps on the same address share it), so everyone after this
   * waits as if ours were full too.
   */
  markFull(): void {
    if (this.#closed) return;
    this.#drain();
    this.#level = Math.max(this.#level, this.#capacity);
    this.#pump();
  }

  /** Rejects every waiting request and refuses new ones. */
  close(error: Error = cancelledError()): void {
    if (this.#closed) return;
    this.#closed = error;
    this.#clearTimer();
    const waiting = this.#queue;
    this.#queue = [];
    for (const waiter of waiting) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(error);
    }
  }

  #drain(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#level = Math.max(0, this.#level - elapsed * this.#drainPerMs);
    this.#updatedAt = now;
  }

  #fits(): boolean {
    return this.#level + 1 <= this.#capacity + EPSILON;
  }

  #pump(): void {
    if (this.#closed) return;
    this.#drain();
    while (this.#queue.length > 0 && this.#fits()) {
      const waiter = this.#queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#level += 1;
      waiter.resolve();
    }
    this.#clearTimer();
    if (this.#queue.length === 0) return;
    const now = this.#clock.now();
    // The k-th in line goes when the bucket has drained room for it and the k before it.
    this.#queue.forEach((waiter, k) => {
      const waitMs = Math.ceil((this.#level + 1 + k - this.#capacity) / this.#drainPerMs);
      const goesAt = now + waitMs;
      if (goesAt > waiter.promisedAt + REPORT_SLACK_MS) {
        waiter.promisedAt = goesAt;
        try {
          waiter.onWait?.(waitMs);
        } catch {
          // A listener's failure must not stall the line.
        }
      }
    });
    const headWaitMs = Math.max(1, Math.ceil((this.#level + 1 - this.#capacity) / this.#drainPerMs));
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.#pump();
    }, headWaitMs);
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
