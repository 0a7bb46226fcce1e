// The lookups the window has running, so it can ask how one is doing (is it
// waiting for the portal's limits, and how long) and cancel it. Asked by
// polling while a lookup runs: a few small calls a second, and no channel from
// main into the page to secure.
import type { LookupProgress } from '../../preload/api-contract';
import type { CallOptions, WaitInfo } from '../rest/portal-client';

interface Running {
  controller: AbortController;
  waiting: (WaitInfo & { since: number }) | null;
}

export class LookupsInFlight {
  readonly #running = new Map<string, Running>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Registers a lookup; `end` must be called when it settles. A reused id cancels the older one. */
  start(requestId: string | undefined): { options: CallOptions; end(): void } {
    if (requestId === undefined) return { options: {}, end: () => {} };
    this.cancel(requestId);
    const running: Running = { controller: new AbortController(), waiting: null };
    this.#running.set(requestId, running);
    return {
      options: {
        signal: running.controller.signal,
        onWait: (info) => {
          running.waiting = { ...info, since: this.#now() };
        },
      },
      end: () => {
        if (this.#running.get(requestId) === running) this.#running.delete(requestId);
      },
    };
  }

  progress(requestId: string): LookupProgress {
    const running = this.#running.get(requestId);
    if (!running) return { running: false, waiting: null };
    const { waiting } = running;
    if (!waiting) return { running: true, waiting: null };
    const remainingMs = Math.max(0, waiting.since + waiting.waitMs - this.#now());
    // A wait that has run out means the request went out: it is on the wire now.
    if (remainingMs === 0) return { running: true, waiting: null };
    return { running: true, waiting: { reason: waiting.reason, attempt: waiting.attempt, remainingMs, totalMs: waiting.waitMs } };
  }

  /** True when there was such a lookup to cancel; it then ends with CANCELLED. */
  cancel(requestId: string): boolean {
    const running = this.#running.get(requestId);
    if (!running) return false;
    this.#running.delete(requestId);
    running.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.#running.keys()]) this.cancel(id);
  }
}
