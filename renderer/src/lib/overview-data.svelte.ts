// The overview's data in the window: the newest refresh's answer, whether one
// is out, and its failure. One refresh at a time, as main has it: a newer
// call stops the one before in main, and its late answer is dropped here.
// Lives in the overview's lazy chunk; what it holds stays while the view is
// closed, so reopening shows the last refresh at once, sorted and filtered as left.
import type { ErrorEnvelope, OverviewResult } from '../../../preload/api-contract';
import { announcer } from './announcer.svelte';
import { call } from './api';
import { connection } from './connection-state.svelte';
import { DEFAULT_SORT, NO_FILTER, type OverviewFilter, type Sort } from './overview-table';

/** The account the store names the connected portal's kept dialogs by ("demo" for the demo). */
export function connectedAccount(): string | null {
  const portal = connection.current?.portal;
  if (!portal) return null;
  return portal.demo ? 'demo' : portal.host;
}

class OverviewData {
  result = $state.raw<OverviewResult | null>(null);
  /** The account `result` is for: another portal's rows are never shown for this one. */
  account = $state<string | null>(null);
  error = $state.raw<ErrorEnvelope | null>(null);
  /** A refresh is out; `busyOffline` when it reads kept copies only. */
  busy = $state(false);
  busyOffline = $state(false);
  /** How the table was sorted and filtered, and the row the keys were on: as left when a dialog was opened from it. */
  sort = $state<Sort>(DEFAULT_SORT);
  filter = $state<OverviewFilter>({ ...NO_FILTER });
  activeKey = $state<string | null>(null);
  #seq = 0;

  /** The shown result belongs to the portal connected now. */
  get current(): OverviewResult | null {
    return this.account === connectedAccount() ? this.result : null;
  }

  /** Asks main for the overview; `offline` reads the kept copies only, asking the portal nothing. */
  async refresh(offline = false, say?: (result: OverviewResult) => string): Promise<void> {
    const seq = ++this.#seq;
    const account = connectedAccount();
    this.busy = true;
    this.busyOffline = offline;
    const answer = await call((api) => api.getOverview(offline ? { offline: true } : {}));
    if (seq !== this.#seq) return;
    this.busy = false;
    if (answer.ok) {
      this.result = answer.value;
      this.account = account;
      this.error = null;
      if (say) announcer.announce(say(answer.value));
    } else if (answer.error.code !== 'CANCELLED') {
      this.error = answer.error;
      announcer.announce(answer.error.title);
    }
  }

  /**
   * Stops the refresh that is out. The contract has no cancel of its own: a
   * newer call stops the older in main, so the cheapest one (the kept copies,
   * the portal not asked) is made and its answer dropped; what was shown stays.
   */
  stop(): void {
    if (!this.busy) return;
    this.#seq++;
    this.busy = false;
    void call((api) => api.getOverview({ offline: true, sources: ['kept'] }));
  }
}

export const overviewData = new OverviewData();
