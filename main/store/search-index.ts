// The search index over the latest copy of each dialog (the dialog_search FTS5
// table, see migrations.ts and search-text.ts): kept in step by putDialog, in
// its transaction, and queried by searchDialogs.
import type { RawDialog } from '../core/dialog-types';
import { fieldsFor, ftsQuery, inAccount, indexedColumns, SEARCH_COLUMNS, snippetFor, snippetMarker } from './search-text';
import type { SqliteDatabase } from './sqlite';
import { StoreError } from './store-error';
import type { DialogSearchHit, DialogSearchOptions } from './types';

const DEFAULT_LIMIT = 50;

/**
 * At most this many matches are ranked. bm25 costs a little for every match,
 * and one or two letters typed can match most of 100,000 dialogs; so when more
 * match, only the most recently cached RANK_WINDOW are ranked (the list stays
 * instant as the lead types, and is exact once the text is specific enough to
 * match fewer). The newest matches are found from the index alone, by rowid:
 * putDialog gives each new copy a rowid larger than any before.
 *
 * 500, ten pages of hits: measured at 100,000 dialogs, ranking 2,000 cost a
 * broad word ("refunds", a fifth of them) or a user code part ("livechat|4")
 * 1 to 2.5 ms more than ranking 500, most of the time of the whole search,
 * while the first page of a word that common is its newest name matches either way.
 */
export const RANK_WINDOW = 500;

interface HitRow {
  account: string;
  chat_id: number;
  fetched_at: string;
  dialog: string;
  user_code: string | null;
  rank: number;
}

const WEIGHTS = SEARCH_COLUMNS.map((column) => column.weight.toFixed(1)).join(', ');

export class SearchIndex {
  readonly #insert;
  readonly #delete;
  readonly #search;
  readonly #accountRange;

  constructor(db: SqliteDatabase) {
    // Two seeks in the dialogs primary key, whatever the number of dialogs.
    this.#accountRange = db.prepare('SELECT (SELECT min(account) FROM dialogs) AS first, (SELECT max(account) FROM dialogs) AS last');
    this.#insert = db.prepare(
      `INSERT INTO dialog_search (rowid, ${SEARCH_COLUMNS.map((column) => column.name).join(', ')})
       VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.#delete = db.prepare('DELETE FROM dialog_search WHERE rowid = ?');
    // The newest RANK_WINDOW matches come from the index in rowid order (no
    // ranking needed to find them), bm25 is computed for those only, and only
    // the page of hits is read from dialogs.
    this.#search = db.prepare(
      `SELECT d.account, d.chat_id, d.fetched_at, d.dialog, d.user_code, m.rank
       FROM (SELECT id, rank FROM
               (SELECT rowid AS id, bm25(dialog_search, ${WEIGHTS}) AS rank FROM dialog_search
                WHERE dialog_search MATCH ?1 ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
             ORDER BY rank, id DESC LIMIT ?2) m
       JOIN dialogs d ON d.rowid = m.id
       WHERE ?3 IS NULL OR d.account = ?3
       ORDER BY m.rank, m.id DESC`,
    );
  }

  add(rowid: number, account: string, dialog: RawDialog, chatId: number): void {
    this.#insert.run(rowid, ...indexedColumns(account, dialog, chatId));
  }

  remove(rowid: number): void {
    this.#delete.run(rowid);
  }

  search(text: string, options: DialogSearchOptions = {}): DialogSearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0) throw new StoreError('STORE_BAD_ARGUMENT', `limit must be a whole number ≥ 0, not ${limit}`);
    const query = ftsQuery(text);
    if (query === null || limit === 0) return [];
    const account = options.account ?? null;
    let match = query;
    if (account !== null) {
      const { first, last } = this.#accountRange.get() as { first: string | null; last: string | null };
      if (first === null || account < first || account > last!) return [];
      // The account phrase costs bm25 a pass over all that portal's dialogs; with
      // one portal in the file (the usual case) it would select everything anyway.
      if (first !== last) match = inAccount(query, account);
    }
    const rows = this.#search.all(match, limit, account) as HitRow[];
    const marker = snippetMarker(text);
    return rows.map((row) => {
      const dialog = JSON.parse(row.dialog) as RawDialog;
      return {
        account: row.account,
        chatId: row.chat_id,
        fetchedAt: row.fetched_at,
        name: typeof dialog['name'] === 'string' ? dialog['name'] : '',
        dialogId: typeof dialog['dialog_id'] === 'string' ? dialog['dialog_id'] : `chat${row.chat_id}`,
        userCode: row.user_code,
        snippet: snippetFor(fieldsFor(dialog, row.chat_id), marker),
        rank: row.rank,
      };
    });
  }
}
