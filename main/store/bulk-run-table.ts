// Bulk runs kept with their history entry: the tally for the list, and the
// whole table (the run's result as JSON) to reopen it. The entry's deletion
// takes its table (a trigger, migration 11).
import type { BulkRunResult } from '../core/bulk-types';
import type { SqliteDatabase } from './sqlite';

export class BulkRunTable {
  readonly #insert;
  readonly #byEntry;
  readonly #byRun;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare(
      'INSERT INTO bulk_runs (history_id, run_id, total, found, kept, failed, cancelled, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#byEntry = db.prepare('SELECT result FROM bulk_runs WHERE history_id = ?');
    this.#byRun = db.prepare('SELECT result FROM bulk_runs WHERE run_id = ? ORDER BY history_id DESC LIMIT 1');
  }

  /** Call inside the write that records its history entry. */
  put(historyId: number, result: BulkRunResult): void {
    this.#insert.run(historyId, result.runId, result.rows.length, result.found, result.kept, result.failed, result.cancelled ? 1 : 0, JSON.stringify(result));
  }

  byEntry(historyId: number): BulkRunResult | null {
    const row = this.#byEntry.get(historyId) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as BulkRunResult) : null;
  }

  byRun(runId: string): BulkRunResult | null {
    const row = this.#byRun.get(runId) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as BulkRunResult) : null;
  }
}
