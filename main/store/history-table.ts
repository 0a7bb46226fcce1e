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
  name: Uint8Array | null;
  bulk_total: number | null;
  bulk_found: number | null;
  bulk_kept: number | null;
  bulk_failed: number | null;
  bulk_cancelled: number | null;
}

// SQLite keeps a NUL inside text, but libsql cuts text at the first NUL when
// reading it back; read the user's own text as bytes so it returns exactly.
// The name comes from the kept dialog, so it is the current one and appears
// once the dialog is kept: one seek per entry in dialogs_names, which holds it
// (see migrations.ts). Named, as SQLite would pick the primary key and then
// read the name from the row, behind the dialog's JSON (twice as slow).
const COLUMNS =
  'h.id, CAST(h.account AS BLOB) AS account, CAST(h.input AS BLOB) AS input, h.param, CAST(h.value AS BLOB) AS value, h.at, h.outcome, h.chat_id, h.elapsed_ms, h.source, h.pinned, CAST(d.name AS BLOB) AS name, ' +
  'b.total AS bulk_total, b.found AS bulk_found, b.kept AS bulk_kept, b.failed AS bulk_failed, b.cancelled AS bulk_cancelled';
// A bulk run's tally by its entry's id (the table's primary key): one seek per entry.
const FROM =
  'history h LEFT JOIN dialogs d INDEXED BY dialogs_names ON d.account = h.account AND d.chat_id = h.chat_id LEFT JOIN bulk_runs b ON b.history_id = h.id';

const utf8 = new TextDecoder();

function text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

function toEntry(row: HistoryRow): HistoryEntry {
  const name = row.name === null ? '' : text(row.name);
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
    ...(name === '' ? {} : { name }),
    ...(row.bulk_total === null
      ? {}
      : { bulk: { total: row.bulk_total, found: row.bulk_found ?? 0, kept: row.bulk_kept ?? 0, failed: row.bulk_failed ?? 0, cancelled: row.bulk_cancelled === 1 } }),
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
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE h.id = ?`);
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
      conditions.push('h.account = ?');
      params.push(filter.account);
    }
    if (filter.beforeId !== undefined) {
      conditions.push('h.id < ?');
      params.push(filter.beforeId);
    }
    // A bulk run found dialogs: it is with the found ones, whatever some of its rows did.
    if (filter.outcome !== undefined) conditions.push(filter.outcome === 'ok' ? "h.outcome IN ('ok', 'bulk')" : "h.outcome NOT IN ('ok', 'bulk')");
    if (filter.pinnedOnly) conditions.push('h.pinned = 1');
    if (filter.text !== undefined && filter.text.trim() !== '') {
      // LIKE is case-insensitive for ASCII only; lower() on both sides covers the rest SQLite knows.
      const pattern = `%${filter.text.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      // The kept dialog's name too: a client's name finds the lookups of their chat.
      conditions.push(
        "(lower(h.input) LIKE ? ESCAPE '\\' OR lower(coalesce(h.value, '')) LIKE ? ESCAPE '\\' OR lower(coalesce(d.name, '')) LIKE ? ESCAPE '\\')",
      );
      params.push(pattern, pattern, pattern);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    let statement = this.#lists.get(where);
    if (!statement) {
      statement = this.#db.prepare(`SELECT ${COLUMNS} FROM ${FROM} ${where} ORDER BY h.id DESC LIMIT ?`);
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
