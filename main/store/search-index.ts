// The search index over the latest copy of each dialog (the dialog_search FTS5
// table, see migrations.ts and search-text.ts): kept in step by putDialog, in
// its transaction, and queried by searchDialogs.
import type { RawDialog } from '../core/dialog-types';
import { fieldsFor, ftsQuery, inAccount, indexedColumns, nameOrIdMatch, SEARCH_COLUMNS, snippetFor, snippetMarker } from './search-text';
import type { SqliteDatabase } from './sqlite';
import { StoreError } from './store-error';
import type { DialogSearchHit, DialogSearchOptions } from './store-types';

export const DEFAULT_SEARCH_LIMIT = 50;

/**
 * Up to this many matches, hits are ranked by bm25. More than that (a broad
 * word, one or two letters typed), and bm25 is not used at all: it counts
 * every dialog that holds each word typed, whatever the LIMIT, which cost a
 * word held by a fifth of 100,000 dialogs 12 ms and a user code part 17 ms.
 * Broad queries are ranked by where they matched instead, in tiers: the words
 * as typed in the name or an id, then words they start in the name or an id,
 * then the words as typed anywhere, then anything; the most recently cached
 * first in each. Every list comes from the index alone, newest first by rowid
 * (putDialog gives each new copy a rowid larger than any before).
 *
 * What costs is a prefix: FTS5 merges the list of every word it starts before
 * the first row comes out, the whole list however small the LIMIT (1.8 ms
 * for a word held by 20,000 of 100,000 dialogs). The words as typed are read
 * newest first and stop at the LIMIT (0.1–0.4 ms). As every exact match is a
 * prefix match, a full window of exact matches already says the query is
 * broad, and a page filled by the exact tiers never merges a prefix at all.
 */
export const RANK_WINDOW = 500;

/** The rank of a broad query's hit: a match in the name or an id, or elsewhere. Below any bm25 score's order of magnitude it is not: compare within one search only. */
export const BROAD_RANK = { nameOrId: -2, elsewhere: -1 } as const;

interface HitRow {
  account: string;
  chat_id: number;
  fetched_at: string;
  dialog: string;
  user_code: string | null;
  rank: number;
}

interface DialogRow {
  id: number;
  account: string;
  chat_id: number;
  fetched_at: string;
  dialog: string;
  user_code: string | null;
}

const WEIGHTS = SEARCH_COLUMNS.map((column) => column.weight.toFixed(1)).join(', ');

export class SearchIndex {
  readonly #insert;
  readonly #delete;
  readonly #search;
  readonly #newest;
  readonly #dialogsById;
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
    this.#newest = db.prepare('SELECT rowid AS id FROM dialog_search WHERE dialog_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2');
    this.#dialogsById = db.prepare(
      `SELECT d.rowid AS id, d.account, d.chat_id, d.fetched_at, d.dialog, d.user_code
       FROM json_each(?1) j JOIN dialogs d ON d.rowid = j.value`,
    );
  }

  /** `sessionIds`: every session id seen for the chat (see indexedColumns). */
  add(rowid: number, account: string, dialog: RawDialog, chatId: number, sessionIds: readonly number[] = []): void {
    this.#insert.run(rowid, ...indexedColumns(account, dialog, chatId, sessionIds));
  }

  remove(rowid: number): void {
    this.#delete.run(rowid);
  }

  search(text: string, options: DialogSearchOptions = {}): DialogSearchHit[] {
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0) throw new StoreError('STORE_BAD_ARGUMENT', `limit must be a whole number ≥ 0, not ${limit}`);
    const query = ftsQuery(text);
    if (query === null || limit === 0) return [];
    const exactQuery = ftsQuery(text, 'exact')!;
    const account = options.account ?? null;
    let scoped = (expression: string) => expression;
    if (account !== null) {
      const { first, last } = this.#accountRange.get() as { first: string | null; last: string | null };
      if (first === null || account < first || account > last!) return [];
      // The account phrase costs bm25 a pass over all that portal's dialogs; with
      // one portal in the file (the usual case) it would select everything anyway.
      if (first !== last) scoped = (expression) => inAccount(expression, account);
    }
    const match = scoped(query);
    const exact = scoped(exactQuery);
    // What each expression's window check read, newest first: a broad page's tiers take it from here instead of reading it again.
    const read = new Map<string, { ids: number[]; asked: number }>();
    const newest = (expression: string, count: number): number[] => {
      const known = read.get(expression);
      // A list shorter than what was asked for is the whole of it.
      if (known && (known.ids.length >= count || known.ids.length < known.asked)) return known.ids.slice(0, count);
      const ids = this.#newestIds(expression, count);
      read.set(expression, { ids, asked: count });
      return ids;
    };
    const broad = (exact !== match && newest(exact, RANK_WINDOW + 1).length > RANK_WINDOW) || newest(match, RANK_WINDOW + 1).length > RANK_WINDOW;
    const tiers = [scoped(nameOrIdMatch(exactQuery)), scoped(nameOrIdMatch(query)), exact, match];
    const rows = broad ? this.#broad(tiers, limit, account, newest) : (this.#search.all(match, limit, account) as HitRow[]);
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

  #newestIds(match: string, count: number): number[] {
    return (this.#newest.all(match, count) as Array<{ id: number }>).map((row) => row.id);
  }

  /** The tiers in order (name or id matches first), the most recently cached first in each, until the page is full. */
  #broad(tiers: string[], limit: number, account: string | null, newest: (expression: string, count: number) => number[]): HitRow[] {
    const order: number[] = [];
    const rank = new Map<number, number>();
    for (const [tier, expression] of tiers.entries()) {
      if (order.length >= limit) break;
      // Identical when nothing typed was a prefix: read once.
      if (tiers.indexOf(expression) !== tier) continue;
      // At most `order.length` of these are already in: asking for `limit` fills the page.
      for (const id of newest(expression, limit)) {
        if (rank.has(id) || order.length >= limit) continue;
        order.push(id);
        rank.set(id, tier < 2 ? BROAD_RANK.nameOrId : BROAD_RANK.elsewhere);
      }
    }
    const byId = new Map((this.#dialogsById.all(JSON.stringify(order)) as DialogRow[]).map((row) => [row.id, row]));
    return order.flatMap((id) => {
      const row = byId.get(id);
      // The index and the dialogs change in one transaction: a miss is another portal's row (checked below).
      if (!row || (account !== null && row.account !== account)) return [];
      return [{ ...row, rank: rank.get(id)! }];
    });
  }
}
