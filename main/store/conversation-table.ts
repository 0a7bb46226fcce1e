// The conversations kept: the newest transcript of every session seen, per
// account, so a dialog's conversation stays readable offline. A session's
// transcript only grows, so the newer copy replaces the older.
import type { Conversation } from '../core/conversation-types';
import type { SqliteDatabase } from './sqlite';
import type { SessionSummary } from './store-types';

export class ConversationTable {
  readonly #put;
  readonly #get;
  readonly #latest;
  readonly #sessions;

  constructor(db: SqliteDatabase) {
    this.#put = db.prepare(
      `INSERT INTO conversations (account, chat_id, session_id, fetched_at, conversation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account, chat_id, session_id) DO UPDATE SET fetched_at = excluded.fetched_at, conversation = excluded.conversation
       WHERE excluded.fetched_at >= conversations.fetched_at`,
    );
    this.#get = db.prepare('SELECT conversation FROM conversations WHERE account = ? AND chat_id = ? AND session_id = ?');
    this.#latest = db.prepare('SELECT conversation FROM conversations WHERE account = ? AND chat_id = ? ORDER BY session_id DESC LIMIT 1');
    // The dialog names only its current session; an earlier one asked for by
    // its id is known by its kept transcript, so both tables say what was seen.
    // The count is read from the kept JSON: a chat has a handful of sessions,
    // and a column of its own would need a migration to fill it.
    this.#sessions = db.prepare(
      `SELECT seen.session_id, c.fetched_at, json_array_length(c.conversation, '$.messages') AS message_count
       FROM (SELECT session_id FROM dialog_sessions WHERE account = ?1 AND chat_id = ?2
             UNION SELECT session_id FROM conversations WHERE account = ?1 AND chat_id = ?2) AS seen
       LEFT JOIN conversations c ON c.account = ?1 AND c.chat_id = ?2 AND c.session_id = seen.session_id
       ORDER BY seen.session_id DESC`,
    );
  }

  /** Call inside a write transaction. */
  put(account: string, conversation: Conversation): void {
    this.#put.run(account, conversation.chatId, conversation.sessionId, conversation.fetchedAt, JSON.stringify(conversation));
  }

  /** The session's kept transcript; without `sessionId`, the chat's newest session's. */
  find(account: string, chatId: number, sessionId?: number): Conversation | null {
    const row = (sessionId === undefined ? this.#latest.get(account, chatId) : this.#get.get(account, chatId, sessionId)) as { conversation: string } | undefined;
    return row ? (JSON.parse(row.conversation) as Conversation) : null;
  }

  /** Every session seen for the chat, newest first, and whether its transcript is kept. */
  sessions(account: string, chatId: number): SessionSummary[] {
    type Row = { session_id: number; fetched_at: string | null; message_count: number | null };
    return (this.#sessions.all(account, chatId) as Row[]).map((row) => ({
      sessionId: Number(row.session_id),
      kept: row.fetched_at !== null,
      fetchedAt: row.fetched_at,
      messageCount: row.message_count === null ? null : Number(row.message_count),
    }));
  }
}
