// The overview's data in the window: the newest refresh's answer, whether one
// is out, and its failure. One refresh at a time, as main has it: a newer
// call stops the one before in main, and its late answer is dropped here.
// Main refreshes it on schedule too (overview-refresher.ts): the schedule and
// each new overview are pushed, and taken here; the window runs no timer.
// Lives in the overview's lazy chunk; what it holds stays while the view is
// closed, so reopening shows the last refresh at once, sorted and filtered as left.
import type { ErrorEnvelope, OverviewRefreshed, OverviewResult, OverviewSchedule } from '../../../preload/api-contract';
import { announcer } from './announcer.svelte';
import { bridge, call } from './api';
import { connection } from './connection-state.svelte';
import { DEFAULT_SORT, NO_FILTER, type OverviewFilter, type Sort, type TableGrouping } from './overview-table';

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
  /** What the table is grouped by, and the groups folded away (their keys, for this grouping). */
  grouping = $state<TableGrouping>('none');
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  /** Main's refreshes on schedule: when the next leaves, the budget, or the one running. */
  schedule = $state.raw<OverviewSchedule | null>(null);
  #seq = 0;
  #listening = false;

  /** A refresh on schedule is out (Stop stops it as it stops one by hand). */
  get scheduledBusy(): boolean {
    return this.schedule?.state === 'refreshing';
  }

  /** Hears main's schedule and its results from now on; once (the chunk lives as long as the window). */
  listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    const api = bridge();
    api?.onOverviewSchedule((schedule) => (this.schedule = schedule));
    api?.onOverviewRefreshed((refreshed) => this.take(refreshed));
    void call((inspector) => inspector.getOverviewSchedule()).then((answer) => {
      if (answer.ok && this.schedule === null) this.schedule = answer.value;
    });
  }

  /** A refresh on schedule's result; one by hand that is out answers for itself. */
  take({ account, result }: OverviewRefreshed): void {
    if (this.busy) return;
    this.result = result;
    this.account = account;
    this.error = null;
  }

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

  /** Stops the refresh that is out, by hand or on schedule; what was shown stays. */
  stop(): void {
    if (!this.busy && !this.scheduledBusy) return;
    this.#seq++;
    this.busy = false;
    void call((api) => api.cancelOverview());
  }
}

export const overviewData = new OverviewData();
