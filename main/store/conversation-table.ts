// The conversations kept: the newest transcript of every session seen, per
// account, so a dialog's conversation stays readable offline. A session's
// transcript only grows, so the newer copy replaces the older; a chat keeps as
// many sessions' transcripts as it keeps copies of its dialog, the newest.
import type { Conversation } from '../core/conversation-types';
import type { MessageIndex } from './message-index';
import type { SqliteDatabase } from './sqlite';
import type { SessionSummary } from './store-types';

export class ConversationTable {
  readonly #put;
  readonly #get;
  readonly #latest;
  readonly #sessions;
  readonly #beyond;
  readonly #delete;
  readonly #keptMessages;
  readonly #messages: MessageIndex;
  /** Sessions whose transcript is kept per chat, the newest (snapshotsPerDialog). */
  readonly #sessionsKept: number;

  constructor(db: SqliteDatabase, messages: MessageIndex, sessionsKept: number) {
    this.#messages = messages;
    this.#sessionsKept = sessionsKept;
    // RETURNING answers the row's id when it was written, nothing when an older copy lost to the kept one.
    this.#put = db.prepare(
      `INSERT INTO conversations (account, chat_id, session_id, fetched_at, conversation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account, chat_id, session_id) DO UPDATE SET fetched_at = excluded.fetched_at, conversation = excluded.conversation
       WHERE excluded.fetched_at >= conversations.fetched_at
       RETURNING id`,
    );
    this.#beyond = db.prepare('SELECT id FROM conversations WHERE account = ? AND chat_id = ? ORDER BY session_id DESC LIMIT -1 OFFSET ?');
    this.#delete = db.prepare('DELETE FROM conversations WHERE id = ?');
    this.#keptMessages = db.prepare(
      `SELECT json_extract(conversation, '$.messages') AS messages FROM conversations WHERE account = ? AND chat_id = ? AND session_id = ?`,
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

  /**
   * Keeps the transcript and its messages' index rows (the session's earlier
   * rows go), then lets the chat's oldest sessions go past the number kept.
   * Call inside a write transaction.
   */
  put(account: string, conversation: Conversation): void {
    // A dialog looked up again mostly brings the same messages: their index rows stay (a session of
    // 500 messages costs tens of milliseconds to index, a comparison of their JSON well under one).
    const kept = this.#keptMessages.get(account, conversation.chatId, conversation.sessionId) as { messages: string | null } | undefined;
    const unchanged = kept?.messages === JSON.stringify(conversation.messages);
    const written = this.#put.get(account, conversation.chatId, conversation.sessionId, conversation.fetchedAt, JSON.stringify(conversation)) as { id: number } | undefined;
    if (written === undefined) return;
    if (!unchanged) {
      this.#messages.remove(written.id);
      this.#messages.add(written.id, conversation);
    }
    for (const { id } of this.#beyond.all(account, conversation.chatId, this.#sessionsKept) as Array<{ id: number }>) this.#remove(id);
  }

  #remove(id: number): void {
    this.#messages.remove(id);
    this.#delete.run(id);
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
