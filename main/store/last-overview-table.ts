// The last overview refresh that reached the portal, one per account: what the
// overview shows, with its own stamp, when a newer refresh cannot reach it,
// after a restart too. Only the newest is kept; an older one is replaced.
import type { OverviewResult } from '../core/overview-types';
import type { SqliteDatabase } from './sqlite';

export class LastOverviewTable {
  readonly #put;
  readonly #get;

  constructor(db: SqliteDatabase) {
    this.#put = db.prepare(
      `INSERT INTO last_overview (account, fetched_at, result) VALUES (?, ?, ?)
       ON CONFLICT (account) DO UPDATE SET fetched_at = excluded.fetched_at, result = excluded.result
       WHERE excluded.fetched_at >= last_overview.fetched_at`,
    );
    this.#get = db.prepare('SELECT result FROM last_overview WHERE account = ?');
  }

  put(account: string, result: OverviewResult): void {
    this.#put.run(account, result.fetchedAt, JSON.stringify(result));
  }

  get(account: string): OverviewResult | null {
    const row = this.#get.get(account) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as OverviewResult) : null;
  }
}
