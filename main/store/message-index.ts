// The search index over the messages of the kept conversations (the
// message_search FTS5 table, see migrations.ts, steps 8 and 9): one row per
// message with text, kept in step by putConversation in its transaction, and
// asked by searchDialogs for the dialogs whose conversation says what was typed.
//
// A row's rowid is its transcript's conversations.id × 2^20 + the message's
// place in the transcript, which is also the id of the message's own row in
// conversation_messages: a session's rows are one rowid range and a hit leads
// to its message without a mapping table. The index is contentless: the
// words are read back from the message's row.
//
// Rows are written and deleted a batch per statement (the places and texts as
// one JSON array read by json_each): a session of 500 messages is one call
// into SQLite instead of 500.
import type { Conversation, ConversationMessage } from '../core/conversation-types';
import { authorName, messagePlainText } from '../core/transcript-text';
import { ftsQuery, messageIndexText, messageSearchable, messageSnippet, snippetMarker } from './search-text';
import type { SqliteDatabase, SqliteStatement } from './sqlite';
import type { DialogSearchHit } from './store-types';

/** Rowids per transcript: a transcript keeps and indexes its first 2^20 messages (a session of over a million is not kept whole). */
export const ROWS_PER_CONVERSATION = 2 ** 20;

/** The rowid of the message at `place` in the transcript kept as conversations.id `id`. */
export function messageRowId(id: number, place: number): number {
  return id * ROWS_PER_CONVERSATION + place;
}

/**
 * The rank of a hit found in a message: after every hit in the dialog's own
 * fields, whose bm25 scores and broad ranks are all below zero.
 */
export const MESSAGE_RANK = 0;

export interface MessageSearchOptions {
  /** Only this portal's conversations; all when null. */
  account: string | null;
  limit: number;
  /** Dialogs already found in their own fields (hitKey), not to be listed twice. */
  skip: ReadonlySet<string>;
}

interface ConversationRow {
  id: number;
  account: string;
  chat_id: number;
  session_id: number;
  fetched_at: string;
  name: string | null;
  user_code: string | null;
  dialog_id: string | null;
}

export function hitKey(account: string, chatId: number): string {
  return `${account}\n${chatId}`;
}

/** What a search reads; see MessageIndex.search. */
interface SearchStatements {
  latest: SqliteStatement;
  conversations: SqliteStatement;
  messages: SqliteStatement;
}

/** Past the newest transcript: no rowid reaches it. */
const NO_BOUND = Number.MAX_SAFE_INTEGER;

function prepareSearch(db: SqliteDatabase): SearchStatements {
  return {
    // The transcripts that matched, newest first, each with its latest
    // matching message: the first row of each transcript met going down the
    // rowids, found inside SQLite, which stops at the LIMIT-th. Measured at a
    // million messages, a word said in most messages of a session meeting
    // 7,000 rows before its 30th transcript: reading the rows into JavaScript
    // cost 3 µs each (20 ms), this 0.7 µs; a seek per transcript (a MATCH with
    // a rowid bound) 0.2 to 0.6 ms each; a lower rowid bound on the scan
    // walks the word's whole list whatever it is.
    latest: db
      .prepare(
        `SELECT rowid >> 20 AS id, rowid FROM (
           SELECT rowid, lag(rowid) OVER (ORDER BY rowid DESC) AS previous
           FROM message_search WHERE message_search MATCH ?1 AND rowid < ?2)
         WHERE previous IS NULL OR previous >> 20 <> rowid >> 20
         LIMIT ?3`,
      )
      .raw(true),
    // A transcript without its dialog kept cannot be opened, so it gives no hit.
    conversations: db.prepare(
      `SELECT c.id, c.account, c.chat_id, c.session_id, d.fetched_at, d.name, d.user_code, json_extract(d.dialog, '$.dialog_id') AS dialog_id
       FROM conversations c JOIN dialogs d ON d.account = c.account AND d.chat_id = c.chat_id
       WHERE c.id IN (SELECT value FROM json_each(?1))`,
    ),
    messages: db.prepare(
      `SELECT m.id, m.message, json_extract(c.conversation, '$.authors') AS authors
       FROM conversation_messages m JOIN conversations c ON c.id = m.id >> 20
       WHERE m.id IN (SELECT value FROM json_each(?1))`,
    ),
  };
}

/** Pages of segments merged by one tidy step: a few milliseconds of writing. */
export const TIDY_PAGES = 64;

export class MessageIndex {
  readonly #db: SqliteDatabase;
  readonly #insert;
  readonly #delete;
  readonly #merge;
  readonly #changes;
  /**
   * Prepared on the first search: migration 8 indexes through this class
   * before step 9 makes conversation_messages, which the search reads.
   */
  #search: SearchStatements | null = null;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insert = db.prepare('INSERT INTO message_search (rowid, text) SELECT ?1 + (value ->> 0), value ->> 1 FROM json_each(?2)');
    // By rowid, one by one inside SQLite: a rowid range (BETWEEN) is a scan of
    // the whole contentless table, 70 ms at a million messages.
    this.#delete = db.prepare('DELETE FROM message_search WHERE rowid IN (SELECT ?1 + value FROM json_each(?2))');
    this.#merge = db.prepare("INSERT INTO message_search (message_search, rank) VALUES ('merge', ?)");
    this.#changes = db.prepare('SELECT total_changes()').raw(true);
  }

  /**
   * Merges about `pages` pages of the index's segments where a level holds
   * usermerge (3, see migrations.ts step 9) of them or a merge is under way.
   * True when it did some, false when none is due (FTS5 then writes no more
   * than its structure record). Call inside a write transaction.
   */
  tidy(pages: number): boolean {
    const [before] = this.#changes.get() as [number];
    this.#merge.run(pages);
    const [after] = this.#changes.get() as [number];
    return Number(after) - Number(before) >= 2;
  }

  /** Indexes every message with text of the transcript kept as conversations.id `id`. Call inside a write transaction. */
  add(id: number, conversation: Conversation): void {
    const count = Math.min(conversation.messages.length, ROWS_PER_CONVERSATION);
    this.index(
      id,
      conversation.messages.slice(0, count).map((message, place) => [place, message]),
    );
  }

  /** Indexes these messages (place in the transcript, message) of the transcript kept as `id`; their places must have no row. */
  index(id: number, messages: ReadonlyArray<readonly [number, ConversationMessage]>): void {
    const rows: Array<[number, string]> = [];
    for (const [place, message] of messages) {
      const text = messageIndexText(messagePlainText(message.text));
      if (text.trim() !== '') rows.push([place, text]);
    }
    if (rows.length > 0) this.#insert.run(messageRowId(id, 0), JSON.stringify(rows));
  }

  /** Drops the rows of these places of the transcript kept as `id`; a place without a row is passed over. */
  unindex(id: number, places: readonly number[]): void {
    if (places.length > 0) this.#delete.run(messageRowId(id, 0), JSON.stringify(places));
  }

  /**
   * Up to `limit` dialogs whose kept conversation holds every word typed in
   * one message, one hit per dialog: its newest session's latest such message.
   * The words as typed first, then words they start, as the dialog search does.
   */
  search(text: string, { account, limit, skip }: MessageSearchOptions): DialogSearchHit[] {
    if (limit <= 0 || !messageSearchable(text)) return [];
    const statements = (this.#search ??= prepareSearch(this.#db));
    const prefix = ftsQuery(text)!;
    const exact = ftsQuery(text, 'exact')!;
    const found = new Map<string, { rowid: number; row: ConversationRow }>();
    // Transcripts already met, by either expression: each gives at most one hit.
    const seen = new Set<number>();
    for (const expression of exact === prefix ? [exact] : [exact, prefix]) {
      // A page of transcripts at a time, newest first; another page only when
      // this one's were passed over (another portal, no dialog kept, a chat found).
      let bound = NO_BOUND;
      for (let page = limit + skip.size + 1; found.size < limit; page *= 4) {
        const latest = (statements.latest.all(expression, bound, page) as Array<[number, number]>).map(([id, rowid]) => [Number(id), Number(rowid)] as const);
        const fresh = latest.filter(([id]) => !seen.has(id));
        const rows = new Map((statements.conversations.all(JSON.stringify(fresh.map(([id]) => id))) as ConversationRow[]).map((row) => [Number(row.id), row]));
        for (const [id, rowid] of fresh) {
          seen.add(id);
          const row = rows.get(id);
          if (row === undefined || (account !== null && row.account !== account)) continue;
          const key = hitKey(row.account, row.chat_id);
          // A later transcript of a chat already found is passed over.
          if (skip.has(key) || found.has(key)) continue;
          found.set(key, { rowid, row });
          if (found.size >= limit) break;
        }
        if (latest.length < page) break;
        bound = messageRowId(latest.at(-1)![0], 0);
      }
      if (found.size >= limit) break;
    }
    type MessageRow = { id: number; message: string; authors: string | null };
    const messages = new Map(
      (statements.messages.all(JSON.stringify([...found.values()].map(({ rowid }) => rowid))) as MessageRow[]).map((row) => [Number(row.id), row]),
    );
    const marker = snippetMarker(text);
    return [...found.values()].flatMap(({ rowid, row }) => {
      const read = messages.get(rowid);
      if (read === undefined) return [];
      const message = JSON.parse(read.message) as ConversationMessage;
      const authors = read.authors === null ? {} : (JSON.parse(read.authors) as Conversation['authors']);
      const snippet = messageSnippet(messagePlainText(message.text), marker);
      return [
        {
          account: row.account,
          chatId: row.chat_id,
          fetchedAt: row.fetched_at,
          name: row.name ?? '',
          dialogId: row.dialog_id ?? `chat${row.chat_id}`,
          userCode: row.user_code,
          snippet,
          rank: MESSAGE_RANK,
          message: { sessionId: row.session_id, messageId: message.id, date: message.date, author: authorName({ authors }, message), snippet },
        },
      ];
    });
  }
}
