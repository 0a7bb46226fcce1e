// The lookup history: one row per lookup, newest first.
import type { IdentifierParam } from '../core/dialog-types';
import type { SqliteDatabase, SqliteStatement } from './sqlite';
import { StoreError } from './store-error';
import type { HistoryEntry, HistoryFilter, NewHistoryEntry } from './store-types';

const DEFAULT_LIMIT = 100;

interface HistoryRow {
  id: number;
  account: Uint8Array;
  input: Uint8Array;
  param: string | null;
  value: Uint8Array | null;
  at: string;
  outcome: string;
  chat_id: number | null;
  elapsed_ms: number;
  source: string;
  pinned: number;
}

// SQLite keeps a NUL inside text, but libsql cuts text at the first NUL when
// reading it back; read the user's own text as bytes so it returns exactly.
const COLUMNS =
  'id, CAST(account AS BLOB) AS account, CAST(input AS BLOB) AS input, param, CAST(value AS BLOB) AS value, at, outcome, chat_id, elapsed_ms, source, pinned';

const utf8 = new TextDecoder();

function text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    account: text(row.account),
    input: text(row.input),
    param: row.param as IdentifierParam | null,
    value: row.value === null ? null : text(row.value),
    at: row.at,
    outcome: row.outcome,
    chatId: row.chat_id,
    elapsedMs: row.elapsed_ms,
    source: row.source as HistoryEntry['source'],
    pinned: row.pinned === 1,
  };
}

export class HistoryTable {
  readonly #db: SqliteDatabase;
  readonly #insert;
  readonly #byId;
  readonly #pin;
  readonly #delete;
  // One statement per filter shape: "(? IS NULL OR account = ?)" would keep
  // SQLite from using the (account, id) index.
  readonly #lists = new Map<string, SqliteStatement>();

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO history (account, input, param, value, at, outcome, chat_id, elapsed_ms, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM history WHERE id = ?`);
    this.#pin = db.prepare('UPDATE history SET pinned = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM history WHERE id = ?');
  }

  record(entry: NewHistoryEntry): HistoryEntry {
    const { lastInsertRowid } = this.#insert.run(
      entry.account,
      entry.input,
      entry.param,
      entry.value,
      entry.at,
      entry.outcome,
      entry.chatId,
      entry.elapsedMs,
      entry.source,
    );
    // Read back what SQLite stored, so the caller sees exactly what a later listHistory will.
    const row = this.#byId.get(Number(lastInsertRowid)) as HistoryRow | undefined;
    if (!row) throw new Error('history entry vanished right after it was written');
    return toEntry(row);
  }

  list(filter: HistoryFilter = {}): HistoryEntry[] {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0) throw new StoreError('STORE_BAD_ARGUMENT', `limit must be a whole number ≥ 0, not ${limit}`);
    const conditions: string[] = [];
    const params: Array<string | number> = [];
    if (filter.account !== undefined) {
      conditions.push('account = ?');
      params.push(filter.account);
    }
    if (filter.beforeId !== undefined) {
      conditions.push('id < ?');
      params.push(filter.beforeId);
    }
    if (filter.outcome !== undefined) conditions.push(filter.outcome === 'ok' ? "outcome = 'ok'" : "outcome <> 'ok'");
    if (filter.text !== undefined && filter.text.trim() !== '') {
      // LIKE is case-insensitive for ASCII only; lower() on both sides covers the rest SQLite knows.
      const pattern = `%${filter.text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      conditions.push("(lower(input) LIKE ? ESCAPE '\\' OR lower(coalesce(value, '')) LIKE ? ESCAPE '\\')");
      params.push(pattern, pattern);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    let statement = this.#lists.get(where);
    if (!statement) {
      statement = this.#db.prepare(`SELECT ${COLUMNS} FROM history ${where} ORDER BY id DESC LIMIT ?`);
      this.#lists.set(where, statement);
    }
    return (statement.all(...params, limit) as HistoryRow[]).map(toEntry);
  }

  setPinned(id: number, pinned: boolean): void {
    this.#pin.run(pinned ? 1 : 0, id);
  }

  delete(id: number): void {
    this.#delete.run(id);
  }

  /**
   * Retention: keeps the newest `maxEntries` and nothing older than
   * `maxAgeDays`; pinned entries always stay. Returns how many went.
   */
  prune(maxEntries: number, maxAgeDays: number, now: Date): number {
    const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000).toISOString();
    const result = this.#db
      .prepare(
        `DELETE FROM history WHERE pinned = 0 AND (at < ? OR id NOT IN
           (SELECT id FROM history WHERE pinned = 0 ORDER BY id DESC LIMIT ?))`,
      )
      .run(cutoff, maxEntries);
    return Number(result.changes);
  }

  /** Removes unpinned entries, of one account or of all; returns how many went. */
  clear(account?: string): number {
    const result =
      account === undefined
        ? this.#db.prepare('DELETE FROM history WHERE pinned = 0').run()
        : this.#db.prepare('DELETE FROM history WHERE pinned = 0 AND account = ?').run(account);
    return Number(result.changes);
  }
}
