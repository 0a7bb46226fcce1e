// The conversations kept: the newest transcript of every session seen, per
// account, so a dialog's conversation stays readable offline. A session's
// transcript only grows, so the newer copy replaces the older.
import type { Conversation } from '../core/conversation-types';
import type { SqliteDatabase } from './sqlite';

export class ConversationTable {
  readonly #put;
  readonly #get;
  readonly #latest;

  constructor(db: SqliteDatabase) {
    this.#put = db.prepare(
      `INSERT INTO conversations (account, chat_id, session_id, fetched_at, conversation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account, chat_id, session_id) DO UPDATE SET fetched_at = excluded.fetched_at, conversation = excluded.conversation
       WHERE excluded.fetched_at >= conversations.fetched_at`,
    );
    this.#get = db.prepare('SELECT conversation FROM conversations WHERE account = ? AND chat_id = ? AND session_id = ?');
    this.#latest = db.prepare('SELECT conversation FROM conversations WHERE account = ? AND chat_id = ? ORDER BY session_id DESC LIMIT 1');
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
}
