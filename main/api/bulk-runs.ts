// Bulk runs: many identifiers through `batch`, 50 dialogs a request (one slot
// of the rate limit each), halt off, so each row is answered by its own dialog
// or its own error and no row fails the run. Rows are pushed to the window as
// each request comes back; a run can be cancelled between and during requests.
// A request the portal cannot answer at all (network, its limits after our
// retries) makes its rows fall back to the copies kept on this computer.
import type { BulkProgress, BulkRow, BulkRunRequest, BulkRunResult, ListedIdentifier } from '../core/bulk-types';
import { bulkSummary } from '../core/bulk-summary';
import { callBatch, MAX_BATCH_COMMANDS, type BatchCommands } from '../core/batch-call';
import type { DialogQuery, PortalInfo } from '../core/dialog-types';
import { InspectorError, inspectorError, toEnvelope, type MainErrorEnvelope } from '../core/error-codes';
import { splitIdentifiers } from '../core/identifier-list';
import { CONFIG_LIST_GET, lineListParams, linesFrom, type LineDirectory } from '../core/lines';
import { dialogFromAnswer, DIALOG_GET, elapsedSince, presentDialog } from '../core/lookup';
import { namesForDialog, userIdsIn } from '../core/user-names';
import type { PortalClient } from '../rest/portal-client';
import type { InspectorStore } from '../store/index';
import type { LineCache } from './line-cache';
import { accountOf, FALLBACK_CODES, portalOfAccount, type StoreForLookups } from './lookup-service';

export interface BulkRunDeps {
  client(): Promise<PortalClient>;
  /** The store, opened when first needed; null when it cannot be (rows are still answered). */
  store(): Promise<(Pick<StoreForLookups, 'putDialog' | 'findDialog' | 'namesFor'> & Pick<InspectorStore, 'recordBulkRun'>) | null>;
  lines: LineCache;
  report(progress: BulkProgress): void;
  /** Milliseconds on a steady clock; performance.now() unless a test keeps the time. */
  now?: () => number;
}

/** How many finished runs' tables main holds for saving: a run is 10,000 rows at most (MAX_LISTED_IDENTIFIERS). */
const KEPT_RUNS = 5;

type Recognised = { index: number; input: string; query: DialogQuery };

/** The store is a convenience here as in a lookup: its failure never costs a row. */
function safely<T>(task: () => T): T | null {
  try {
    return task();
  } catch {
    return null;
  }
}

export class BulkRuns {
  readonly #deps: BulkRunDeps;
  readonly #running = new Map<string, AbortController>();
  /** The last runs' tables, newest last, for the window to save after the run. */
  readonly #finished = new Map<string, BulkRunResult>();

  constructor(deps: BulkRunDeps) {
    this.#deps = deps;
  }

  cancel(runId: string): boolean {
    const controller = this.#running.get(runId);
    if (!controller) return false;
    this.#running.delete(runId);
    controller.abort();
    return true;
  }

  /** A finished run's table, while it is one of the last KEPT_RUNS; null once forgotten. */
  finished(runId: string): BulkRunResult | null {
    return this.#finished.get(runId) ?? null;
  }

  cancelAll(): void {
    for (const id of [...this.#running.keys()]) this.cancel(id);
  }

  async run(request: BulkRunRequest): Promise<BulkRunResult> {
    const now = this.#deps.now ?? (() => performance.now());
    const started = now();
    const startedAt = new Date().toISOString();
    const { items } = splitIdentifiers(request.inputs.join('\n'), request.numberAs);
    const client = await this.#deps.client();
    const account = accountOf(client.portal);
    const store = await this.#deps.store().catch(() => null);
    this.cancel(request.runId);
    const controller = new AbortController();
    this.#running.set(request.runId, controller);

    const rows: BulkRow[] = [];
    const total = items.length;
    let waitingMs: number | null = null;
    /** Rows answered through the portal's requests: the rate and the time left are theirs alone. */
    let asked = 0;
    /** `fromPortal`: how many of `fresh` the portal's requests answered (the rest were never asked for). */
    const report = (fresh: BulkRow[], fromPortal: number) => {
      rows.push(...fresh);
      asked += fromPortal;
      // Refused rows are answered at once, without a request: counted in, they made the first rate huge and the time left next to nothing.
      const seconds = (now() - started) / 1000;
      const perSecond = asked > 0 && seconds > 0 ? asked / seconds : null;
      const left = total - rows.length;
      const remainingMs = left === 0 ? 0 : perSecond ? Math.round((left / perSecond) * 1000) : null;
      this.#deps.report({ runId: request.runId, done: rows.length, total, rows: fresh, perSecond, remainingMs, waitingMs });
    };

    // What could not be recognised is answered at once, each with its own reason.
    const recognised: Recognised[] = [];
    const refused: BulkRow[] = [];
    items.forEach((item: ListedIdentifier, index) => {
      if ('query' in item) recognised.push({ index, input: item.input, query: item.query });
      else refused.push({ index, input: item.input, outcome: 'failed', dialog: null, error: item.error, fetchedAt: null });
    });
    report(refused, 0);

    let lines = this.#deps.lines.get(account);
    let cancelled = false;
    try {
      for (let next = 0; next < recognised.length; ) {
        if (controller.signal.aborted) throw inspectorError('CANCELLED');
        // The first request also reads the lines, when not known: one command of fifty.
        const wantLines = lines === null && next === 0;
        const chunk = recognised.slice(next, next + MAX_BATCH_COMMANDS - (wantLines ? 1 : 0));
        next += chunk.length;
        const commands: Record<string, BatchCommands[string]> = {};
        chunk.forEach((row, at) => (commands[`d${at}`] = [DIALOG_GET, { [row.query.param]: row.query.value }]));
        if (wantLines) commands['lines'] = [CONFIG_LIST_GET, lineListParams()];
        const options = {
          signal: controller.signal,
          onWait: ({ waitMs }: { waitMs: number }) => {
            waitingMs = waitMs;
            report([], 0);
            waitingMs = null;
          },
        };
        let answered: BulkRow[];
        try {
          const outcomes = await callBatch(client, commands, options);
          const read = outcomes['lines'];
          if (read?.ok) {
            lines = linesFrom(read.result);
            this.#deps.lines.set(account, lines);
          }
          answered = chunk.map((row, at) => {
            const outcome = outcomes[`d${at}`]!;
            if (!outcome.ok) return this.#fallBack(row, outcome.error, store, account, client.portal);
            try {
              const presented = dialogFromAnswer(client, row.query, outcome);
              const known = safely(() => store?.namesFor(account, userIdsIn(presented.dialog))) ?? {};
              const named = { ...presented, names: namesForDialog(presented.dialog, known) };
              // Kept and searchable like any lookup's dialog; a store that fails costs the row nothing.
              safely(() => store?.putDialog(account, presented.dialog, presented.time, presented.fetchedAt));
              return { index: row.index, input: row.input, outcome: 'found', dialog: bulkSummary(named, lines), error: null, fetchedAt: presented.fetchedAt } satisfies BulkRow;
            } catch (error) {
              return this.#fallBack(row, toEnvelope(error), store, account, client.portal);
            }
          });
        } catch (error) {
          const envelope = toEnvelope(error);
          if (envelope.code === 'CANCELLED') throw error;
          // The whole request failed: each row stands on its kept copy, or fails with the request's reason.
          answered = chunk.map((row) => this.#fallBack(row, envelope, store, account, client.portal));
          // A refusal of the credentials or the scope would answer every later request the same: not asked.
          if (!FALLBACK_CODES.has(envelope.code)) {
            const rest = recognised.slice(next).map((row): BulkRow => ({ index: row.index, input: row.input, outcome: 'failed', dialog: null, error: envelope, fetchedAt: null }));
            report([...answered, ...rest], answered.length);
            break;
          }
        }
        report(answered, answered.length);
      }
    } catch (error) {
      if (!(error instanceof InspectorError) || (error.envelope.code !== 'CANCELLED' && !controller.signal.aborted)) throw error;
      cancelled = true;
    } finally {
      if (this.#running.get(request.runId) === controller) this.#running.delete(request.runId);
    }
    rows.sort((a, b) => a.index - b.index);
    const count = (outcome: BulkRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
    const result = { runId: request.runId, rows, cancelled, found: count('found'), kept: count('kept'), failed: count('failed'), elapsedMs: elapsedSince(started) };
    this.#finished.delete(request.runId);
    this.#finished.set(request.runId, result);
    // The run is one history entry that reopens its table; a store that fails costs the entry, never the run.
    if (store) safely(() => store.recordBulkRun(account, result, startedAt, request.inputs));
    for (const old of this.#finished.keys()) if (this.#finished.size > KEPT_RUNS) this.#finished.delete(old);
    return result;
  }

  /** A row the portal did not answer: its kept copy where the failure is the portal's reach, else the failure. */
  #fallBack(
    row: Recognised,
    error: MainErrorEnvelope,
    store: Pick<StoreForLookups, 'findDialog' | 'namesFor'> | null,
    account: string,
    connected: PortalInfo,
  ): BulkRow {
    const failed: BulkRow = { index: row.index, input: row.input, outcome: 'failed', dialog: null, error, fetchedAt: null };
    if (!store || !FALLBACK_CODES.has(error.code)) return failed;
    try {
      const kept = store.findDialog(account, row.query);
      if (!kept) return failed;
      const known = store.namesFor(account, userIdsIn(kept.dialog));
      const presented = presentDialog(row.query, portalOfAccount(account, connected), kept.dialog, kept.time, kept.fetchedAt, { reason: error }, known);
      return { index: row.index, input: row.input, outcome: 'kept', dialog: bulkSummary(presented, null), error, fetchedAt: kept.fetchedAt };
    } catch {
      return failed;
    }
  }
}
