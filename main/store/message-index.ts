// The search index over the messages of the kept conversations (the
// message_search FTS5 table, see migrations.ts, step 8): one row per message
// with text, kept in step by putConversation in its transaction, and asked by
// searchDialogs for the dialogs whose conversation says what was typed.
//
// A row's rowid is its transcript's conversations.id × 2^20 + the message's
// place in the transcript, so a session's rows are one rowid range (deleted
// at once when it is kept again) and a hit leads back to its message without
// a mapping table. The index is contentless: the words are read back from the
// transcript's JSON.
import type { Conversation, ConversationMessage } from '../core/conversation-types';
import { authorName, messagePlainText } from '../core/transcript-text';
import { ftsQuery, messageIndexText, messageSearchable, messageSnippet, snippetMarker } from './search-text';
import type { SqliteDatabase } from './sqlite';
import type { DialogSearchHit } from './store-types';

/** Rowids per transcript; a message past this place (a session of over a million messages) is not indexed. */
const ROWS_PER_CONVERSATION = 2 ** 20;

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

export class MessageIndex {
  readonly #insert;
  readonly #deleteRange;
  readonly #matches;
  readonly #conversation;
  readonly #message;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare('INSERT INTO message_search (rowid, text) VALUES (?, ?)');
    this.#deleteRange = db.prepare('DELETE FROM message_search WHERE rowid BETWEEN ? AND ?');
    // Newest transcript first, its latest message first: read until the page is full, never ranked.
    this.#matches = db.prepare('SELECT rowid AS id FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC');
    // A transcript without its dialog kept cannot be opened, so it gives no hit.
    this.#conversation = db.prepare(
      `SELECT c.account, c.chat_id, c.session_id, d.fetched_at, d.name, d.user_code, json_extract(d.dialog, '$.dialog_id') AS dialog_id
       FROM conversations c JOIN dialogs d ON d.account = c.account AND d.chat_id = c.chat_id
       WHERE c.id = ?`,
    );
    this.#message = db.prepare("SELECT json_extract(conversation, ?2) AS message, json_extract(conversation, '$.authors') AS authors FROM conversations WHERE id = ?1");
  }

  /** Indexes every message with text of the transcript kept as conversations.id `id`. Call inside a write transaction. */
  add(id: number, conversation: Conversation): void {
    const base = id * ROWS_PER_CONVERSATION;
    const count = Math.min(conversation.messages.length, ROWS_PER_CONVERSATION);
    for (let i = 0; i < count; i += 1) {
      const text = messageIndexText(messagePlainText(conversation.messages[i]!.text));
      if (text.trim() !== '') this.#insert.run(base + i, text);
    }
  }

  /** Drops the rows of the transcript kept as conversations.id `id`. */
  remove(id: number): void {
    const base = id * ROWS_PER_CONVERSATION;
    this.#deleteRange.run(base, base + ROWS_PER_CONVERSATION - 1);
  }

  /**
   * Up to `limit` dialogs whose kept conversation holds every word typed in
   * one message, one hit per dialog: its newest session's latest such message.
   * The words as typed first, then words they start, as the dialog search does.
   */
  search(text: string, { account, limit, skip }: MessageSearchOptions): DialogSearchHit[] {
    if (limit <= 0 || !messageSearchable(text)) return [];
    const prefix = ftsQuery(text)!;
    const exact = ftsQuery(text, 'exact')!;
    const found = new Map<string, { id: number; place: number; row: ConversationRow }>();
    // What each transcript met is: null when it gives no hit (another portal, no dialog kept, already listed).
    const seen = new Map<number, ConversationRow | null>();
    for (const expression of exact === prefix ? [exact] : [exact, prefix]) {
      if (found.size >= limit) break;
      for (const { id: rowid } of this.#matches.iterate(expression) as Iterable<{ id: number }>) {
        const id = Math.floor(rowid / ROWS_PER_CONVERSATION);
        let row = seen.get(id);
        if (row === undefined) {
          row = (this.#conversation.get(id) as ConversationRow | undefined) ?? null;
          if (row !== null && ((account !== null && row.account !== account) || skip.has(hitKey(row.account, row.chat_id)))) row = null;
          seen.set(id, row);
        }
        if (row === null) continue;
        const key = hitKey(row.account, row.chat_id);
        if (!found.has(key)) found.set(key, { id, place: rowid - id * ROWS_PER_CONVERSATION, row });
        // A later transcript of a chat already found is met as any other: seen, and skipped.
        seen.set(id, null);
        if (found.size >= limit) break;
      }
    }
    const marker = snippetMarker(text);
    return [...found.values()].flatMap(({ id, place, row }) => {
      const read = this.#message.get(id, `$.messages[${place}]`) as { message: string | null; authors: string | null } | undefined;
      if (!read?.message) return [];
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
