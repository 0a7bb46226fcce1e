// Our copy of the portal's leaky bucket, on a fake clock: who goes when, in
// which order, what each caller is told, and what a cancel does.
import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../main/core/error-codes';
import type { Clock } from '../../main/rest/clock';
import { RATE_LIMITS, RateLimiter } from '../../main/rest/rate-limiter';

class FakeClock implements Clock {
  time = 1_700_000_000_000;
  #timers = new Map<number, { at: number; run: () => void }>();
  #next = 1;

  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, run });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  /** Moves time on, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    await settle();
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Records when (on the fake clock) each acquire settled, and how. */
function track(clock: FakeClock, promise: Promise<void>) {
  const state: { at: number | null; error: unknown } = { at: null, error: null };
  promise.then(
    () => (state.at = clock.now()),
    (error: unknown) => {
      state.at = clock.now();
      state.error = error;
    },
  );
  return state;
}

describe('RateLimiter', () => {
  it('keeps the documented numbers per plan', () => {
    expect(RATE_LIMITS.standard).toEqual({ burst: 50, drainPerSecond: 2 });
    expect(RATE_LIMITS.enterprise).toEqual({ burst: 250, drainPerSecond: 5 });
  });

  it('lets a burst through at once, less one unit of headroom, and queues the rest', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ burst: 5, drainPerSecond: 1 }, clock);
    const waits: number[] = [];
    const first = Array.from({ length: 4 }, () => track(clock, limiter.acquire()));
    const fifth = track(clock, limiter.acquire({ onWait: (ms) => waits.push(ms) }));
    await settle();
    expect(first.map((s) => s.at)).toEqual(Array(4).fill(clock.time));
    expect(fifth.at).toBeNull();
    expect(waits).toEqual([1000]);
    expect(limiter.queued).toBe(1);
    await clock.advance(999);
    expect(fifth.at).toBeNull();
    await clock.advance(1);
    expect(fifth.at).toBe(clock.time);
    expect(fifth.error).toBeNull();
  });

  it('keeps half a second of drain as headroom, so an Enterprise burst is 247 at once', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(RATE_LIMITS.enterprise, clock);
    const states = Array.from({ length: 248 }, () => track(clock, limiter.acquire()));
    await settle();
    expect(states.filter((s) => s.at === clock.time)).toHaveLength(247);
    await clock.advance(200);
    expect(states.every((s) => s.at !== null)).toBe(true);
  });

  it('serves waiting requests in order at the drain rate, each told its own wait', async () => {
    const clock = new FakeClock();
    const start = clock.time;
    const limiter = new RateLimiter({ burst: 3, drainPerSecond: 2 }, clock);
    const waits: number[][] = [];
    const states = Array.from({ length: 20 }, (_, i) => {
      waits[i] = [];
      return track(clock, limiter.acquire({ onWait: (ms) => waits[i]!.push(ms) }));
    });
    await clock.advance(60_000);
    // Two at once (capacity 3 less one unit of headroom), then one every 500 ms.
    expect(states.map((s) => s.at! - start)).toEqual(Array.from({ length: 20 }, (_, i) => Math.max(0, i - 1) * 500));
    expect(waits.slice(0, 2)).toEqual([[], []]);
    expect(waits.slice(2).map((w) => w[0])).toEqual(Array.from({ length: 18 }, (_, i) => (i + 1) * 500));
    // Nobody was told twice: the estimates held.
    expect(waits.every((w) => w.length <= 1)).toBe(true);
  });

  it('takes a cancelled request out of the line, and the ones behind it move up', async () => {
    const clock = new FakeClock();
    const start = clock.time;
    const limiter = new RateLimiter({ burst: 2, drainPerSecond: 1 }, clock);
    const controller = new AbortController();
    const a = track(clock, limiter.acquire());
    const b = track(clock, limiter.acquire());
    const c = track(clock, limiter.acquire({ signal: controller.signal }));
    const d = track(clock, limiter.acquire());
    await clock.advance(500);
    controller.abort();
    await settle();
    expect(c.error).toBeInstanceOf(InspectorError);
    expect((c.error as InspectorError).envelope.code).toBe('CANCELLED');
    expect(c.at! - start).toBe(500);
    await clock.advance(10_000);
    expect([a.at! - start, b.at! - start, d.at! - start]).toEqual([0, 1000, 2000]);
    expect(limiter.queued).toBe(0);
  });

  it('refuses an already aborted request without counting it', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ burst: 2, drainPerSecond: 1 }, clock);
    const aborted = track(clock, limiter.acquire({ signal: AbortSignal.abort() }));
    const next = track(clock, limiter.acquire());
    await settle();
    expect((aborted.error as InspectorError).envelope.code).toBe('CANCELLED');
    expect(next.at).toBe(clock.time);
  });

  it('after the portal says its bucket is full, waits a drain interval before the next', async () => {
    const clock = new FakeClock();
    const start = clock.time;
    const limiter = new RateLimiter({ burst: 50, drainPerSecond: 2 }, clock);
    await limiter.acquire();
    limiter.markFull();
    const next = track(clock, limiter.acquire());
    await clock.advance(5_000);
    expect(next.at! - start).toBe(500);
  });

  it('puts a retry at the head of the line and tells the one it overtook its longer wait', async () => {
    const clock = new FakeClock();
    const start = clock.time;
    const limiter = new RateLimiter({ burst: 2, drainPerSecond: 1 }, clock);
    await limiter.acquire();
    const waits: number[] = [];
    const queued = track(clock, limiter.acquire({ onWait: (ms) => waits.push(ms) }));
    const retry = track(clock, limiter.acquire({ front: true }));
    await clock.advance(10_000);
    expect(retry.at! - start).toBe(1000);
    expect(queued.at! - start).toBe(2000);
    expect(waits).toEqual([1000, 2000]);
  });

  it('on close, cancels everyone waiting and refuses newcomers', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ burst: 2, drainPerSecond: 1 }, clock);
    await limiter.acquire();
    const waiting = [track(clock, limiter.acquire()), track(clock, limiter.acquire())];
    limiter.close();
    const late = track(clock, limiter.acquire());
    await settle();
    for (const state of [...waiting, late]) expect((state.error as InspectorError).envelope.code).toBe('CANCELLED');
    expect(limiter.queued).toBe(0);
  });

  it('a listener that throws does not stall the line', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ burst: 2, drainPerSecond: 1 }, clock);
    await limiter.acquire();
    const noisy = track(
      clock,
      limiter.acquire({
        onWait: () => {
          throw new Error('display broke');
        },
      }),
    );
    await clock.advance(1000);
    expect(noisy.at).toBe(clock.time);
    expect(noisy.error).toBeNull();
  });

  it('refuses nonsense limits', () => {
    expect(() => new RateLimiter({ burst: 0, drainPerSecond: 2 })).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 10, drainPerSecond: 0 })).toThrow(RangeError);
  });
});
