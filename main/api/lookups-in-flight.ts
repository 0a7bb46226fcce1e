// The lookups the window has running, so it can hear how one is doing (is it
// waiting for the portal's limits, and how long) and cancel it. Each wait is
// pushed to the window as it starts or grows (the contract's lookupProgress
// event); the window counts it down itself.
import type { LookupProgress } from '../../preload/api-contract';
import type { CallOptions } from '../rest/portal-client';

export class LookupsInFlight {
  readonly #running = new Map<string, AbortController>();
  readonly #report: (progress: LookupProgress) => void;

  /** `report` is told of every wait of a lookup that has a request id. */
  constructor(report: (progress: LookupProgress) => void = () => {}) {
    this.#report = report;
  }

  /** Lookups running now: the background watch waits while there are any. */
  get running(): number {
    return this.#running.size;
  }

  /** Registers a lookup; `end` must be called when it settles. A reused id cancels the older one. */
  start(requestId: string | undefined): { options: CallOptions; end(): void } {
    if (requestId === undefined) return { options: {}, end: () => {} };
    this.cancel(requestId);
    const controller = new AbortController();
    this.#running.set(requestId, controller);
    return {
      options: {
        signal: controller.signal,
        onWait: ({ reason, attempt, waitMs }) => {
          if (this.#running.get(requestId) === controller) this.#report({ requestId, waiting: { reason, attempt, waitMs } });
        },
      },
      end: () => {
        if (this.#running.get(requestId) === controller) this.#running.delete(requestId);
      },
    };
  }

  /** True when there was such a lookup to cancel; it then ends with CANCELLED. */
  cancel(requestId: string): boolean {
    const controller = this.#running.get(requestId);
    if (!controller) return false;
    this.#running.delete(requestId);
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.#running.keys()]) this.cancel(id);
  }
}
