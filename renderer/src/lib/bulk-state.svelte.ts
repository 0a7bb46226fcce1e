// A bulk run as the window shows it: its rows in list order whatever order
// main answers them in, where it stands, and whether its view is shown in
// place of the inspector. Only the newest run's events count: a run started
// while another is shown replaces it, and the old one's late events are dropped.
import type { BulkProgress, BulkRow, BulkRowOutcome, BulkRunResult, ErrorEnvelope, NumberAs } from '../../../preload/api-contract';
import { bridge, call } from './api';
import { announcer } from './announcer.svelte';
import { on } from './app-events';
import { connection } from './connection-state.svelte';

export type BulkFilter = 'all' | BulkRowOutcome;

/** How often the countdown of a wait is redrawn; main says only when a wait starts. */
const COUNTDOWN_TICK_MS = 250;

export interface BulkRunState {
  runId: string;
  /** The account key the run went to (as history and kept dialogs name it), to open its kept copies. */
  account: string | null;
  numberAs: NumberAs;
  /** The identifiers sent, as main numbers its rows. */
  total: number;
  done: number;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  perSecond: number | null;
  remainingMs: number | null;
  /** Why the run did not run at all (no portal, a list too long). */
  error: ErrorEnvelope | null;
  elapsedMs: number | null;
  /** The run has gone on long enough (a second) for its pace and time left to mean something. */
  paced: boolean;
}

/** How long a run goes before its pace is shown: the refused identifiers are answered in its first instant. */
const PACE_AFTER_MS = 1_000;

export type BulkCounts = Record<BulkFilter, number>;

/** Inserts `fresh` into `rows` (sorted by index), a row answered twice kept once, the newer answer winning. */
export function mergeRows(rows: readonly BulkRow[], fresh: readonly BulkRow[]): BulkRow[] {
  if (fresh.length === 0) return rows as BulkRow[];
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  for (const row of fresh) byIndex.set(row.index, row);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

export function countOutcomes(rows: readonly BulkRow[]): BulkCounts {
  const counts: BulkCounts = { all: rows.length, found: 0, kept: 0, failed: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}

function connectedAccount(): string | null {
  const portal = connection.current?.portal;
  if (!portal) return null;
  return portal.demo ? 'demo' : portal.host;
}

class BulkStore {
  run = $state.raw<BulkRunState | null>(null);
  /** Every row answered so far, in list order. */
  rows = $state.raw<BulkRow[]>([]);
  /** The run's view is shown instead of the inspector. */
  shown = $state(false);
  filter = $state<BulkFilter>('all');
  /** Milliseconds left of the wait for the portal's limits, counted down here; null when not waiting. */
  waitingMs = $state<number | null>(null);
  #countdown: ReturnType<typeof setInterval> | undefined;
  #startedAt = 0;

  readonly counts: BulkCounts = $derived(countOutcomes(this.rows));
  readonly visibleRows: BulkRow[] = $derived(this.filter === 'all' ? this.rows : this.rows.filter((row) => row.outcome === this.filter));

  get running(): boolean {
    return this.run?.status === 'running';
  }

  /** Looks up every one of `inputs` through batch; a run still going is stopped first. */
  async start(inputs: string[], numberAs: NumberAs): Promise<void> {
    const previous = this.run;
    if (previous?.status === 'running') void call((api) => api.cancelBulk({ runId: previous.runId }));
    const runId = crypto.randomUUID();
    this.run = {
      runId,
      account: connectedAccount(),
      numberAs,
      total: inputs.length,
      done: 0,
      status: 'running',
      perSecond: null,
      remainingMs: null,
      error: null,
      elapsedMs: null,
      paced: false,
    };
    this.#startedAt = performance.now();
    this.rows = [];
    this.filter = 'all';
    this.shown = true;
    this.#showWait(null);
    // Subscribed before asking, so no row main pushes is missed.
    const unsubscribe = bridge()?.onBulkProgress((progress) => this.apply(progress)) ?? (() => {});
    const answer = await call((api) => api.runBulk({ inputs, numberAs, runId }));
    unsubscribe();
    if (this.run?.runId !== runId) return;
    this.#showWait(null);
    if (answer.ok) this.finish(answer.value);
    else {
      this.run = { ...this.run, status: 'failed', error: answer.error };
      announcer.announce(answer.error.title);
    }
  }

  /** A progress event: only the current run's counts, and its rows take their place by index. */
  apply(progress: BulkProgress): void {
    const run = this.run;
    if (!run || progress.runId !== run.runId || run.status !== 'running') return;
    this.rows = mergeRows(this.rows, progress.rows);
    this.run = {
      ...run,
      done: Math.max(run.done, progress.done),
      total: progress.total,
      perSecond: progress.perSecond,
      remainingMs: progress.remainingMs,
      paced: performance.now() - this.#startedAt >= PACE_AFTER_MS,
    };
    if (progress.waitingMs !== null || progress.rows.length > 0) this.#showWait(progress.waitingMs);
  }

  /** The run's own answer: its rows are the whole truth, whatever events were missed. */
  finish(result: BulkRunResult): void {
    const run = this.run;
    if (!run || result.runId !== run.runId) return;
    this.rows = mergeRows([], result.rows);
    this.run = {
      ...run,
      done: result.rows.length,
      total: result.cancelled ? run.total : result.rows.length,
      status: result.cancelled ? 'cancelled' : 'done',
      remainingMs: null,
      elapsedMs: result.elapsedMs,
    };
  }

  /** A finished run from the history, shown as it ended. */
  reopened(result: BulkRunResult, account: string): void {
    const total = result.rows.length;
    this.run = { runId: result.runId, account, numberAs: 'chat', total, done: total, status: 'running', perSecond: null, remainingMs: null, error: null, elapsedMs: null, paced: false };
    this.filter = 'all';
    this.shown = true;
    this.finish(result);
  }

  /** Stops the run: main keeps the rows answered by then and answers the run as cancelled. */
  async cancel(): Promise<void> {
    const run = this.run;
    if (run?.status !== 'running') return;
    await call((api) => api.cancelBulk({ runId: run.runId }));
  }

  /** The inspector comes back; the run (and its rows) stays, to be shown again. */
  close(): void {
    this.shown = false;
  }

  show(): void {
    if (this.run) this.shown = true;
  }

  #showWait(waitMs: number | null): void {
    clearInterval(this.#countdown);
    if (waitMs === null || waitMs <= 0) {
      this.waitingMs = null;
      return;
    }
    const endsAt = performance.now() + waitMs;
    this.waitingMs = waitMs;
    this.#countdown = setInterval(() => {
      const left = endsAt - performance.now();
      this.waitingMs = left > 0 ? left : null;
      if (left <= 0) clearInterval(this.#countdown);
    }, COUNTDOWN_TICK_MS);
  }
}

export const bulk = new BulkStore();

on('bulk-requested', ({ inputs, numberAs }) => void bulk.start(inputs, numberAs));
on('single-dialog', () => bulk.close());
