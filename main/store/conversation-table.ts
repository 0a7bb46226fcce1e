// The conversations kept: the newest transcript of every session seen, per
// account, so a dialog's conversation stays readable offline. A session's
// transcript only grows, so the newer copy replaces the older (but an empty
// answer never replaces kept messages: the portal purged them); a chat keeps as
// many sessions' transcripts as it keeps copies of its dialog, the newest.
//
// A transcript is two parts (migration 9): its row in conversations holds
// everything but the messages (authors, rating, timings…), and each message
// is a row of conversation_messages whose id is the message's rowid in the
// message index (see message-index.ts). A session kept again rewrites and
// re-indexes only the messages that changed: mostly none (known by the
// digest of the list's JSON, without reading them), or the few new ones.
import { createHash } from 'node:crypto';
import type { Conversation, ConversationMessage } from '../core/conversation-types';
import { messageRowId, ROWS_PER_CONVERSATION, type MessageIndex } from './message-index';
import type { SqliteDatabase } from './sqlite';
import type { SessionSummary } from './store-types';

/**
 * A portal that purged a session's messages answers `message: []` (the
 * facts' legacy session 1765): the kept messages stay, and with them what only
 * they tell (the timings, the client's vote, who waits); the rest is the new
 * answer's — when it was fetched, the line's targets, the supervisor's rating,
 * the names it still gives, and that the session is over when it now is.
 */
function withKeptMessages(kept: Conversation, answered: Conversation): Conversation {
  const closed = answered.status === 'closed' && kept.status !== 'closed';
  return {
    ...answered,
    messages: kept.messages,
    authors: { ...kept.authors, ...answered.authors },
    rating: { ...answered.rating, client: kept.rating.client ?? answered.rating.client },
    status: closed ? 'closed' : kept.status,
    timings: { ...kept.timings, kpi: answered.timings.kpi ?? kept.timings.kpi, ...(closed ? { clientWaitingSince: null } : {}) },
  };
}

export class ConversationTable {
  readonly #put;
  readonly #digest;
  readonly #get;
  readonly #latest;
  readonly #sessions;
  readonly #beyond;
  readonly #delete;
  readonly #keptMessages;
  readonly #writeMessages;
  readonly #dropMessages;
  readonly #messagesOf;
  readonly #unreferenced;
  readonly #messages: MessageIndex;
  /** Sessions whose transcript is kept per chat, the newest (snapshotsPerDialog). */
  readonly #sessionsKept: number;

  constructor(db: SqliteDatabase, messages: MessageIndex, sessionsKept: number) {
    this.#messages = messages;
    this.#sessionsKept = sessionsKept;
    // RETURNING answers the row's id when it was written, nothing when an older copy lost to the kept one.
    this.#put = db.prepare(
      `INSERT INTO conversations (account, chat_id, session_id, fetched_at, conversation, messages_digest) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account, chat_id, session_id) DO UPDATE SET
         fetched_at = excluded.fetched_at, conversation = excluded.conversation, messages_digest = excluded.messages_digest
       WHERE excluded.fetched_at >= conversations.fetched_at
       RETURNING id`,
    );
    this.#digest = db.prepare('SELECT messages_digest AS digest FROM conversations WHERE account = ? AND chat_id = ? AND session_id = ?');
    this.#beyond = db.prepare('SELECT id FROM conversations WHERE account = ? AND chat_id = ? ORDER BY session_id DESC LIMIT -1 OFFSET ?');
    this.#delete = db.prepare('DELETE FROM conversations WHERE id = ?');
    // A transcript's messages: the rowid range of its id (see messageRowId).
    this.#keptMessages = db.prepare('SELECT id - ?1 AS place, message FROM conversation_messages WHERE id BETWEEN ?1 AND ?2').raw(true);
    this.#messagesOf = db.prepare('SELECT message FROM conversation_messages WHERE id BETWEEN ? AND ? ORDER BY id').raw(true);
    // The changed and new messages as one JSON array of [place, message JSON].
    this.#writeMessages = db.prepare(
      `INSERT INTO conversation_messages (id, message) SELECT ?1 + (value ->> 0), value ->> 1 FROM json_each(?2) WHERE true
       ON CONFLICT (id) DO UPDATE SET message = excluded.message`,
    );
    this.#dropMessages = db.prepare('DELETE FROM conversation_messages WHERE id BETWEEN ? AND ?');
    this.#get = db.prepare('SELECT id, conversation FROM conversations WHERE account = ? AND chat_id = ? AND session_id = ?');
    this.#latest = db.prepare('SELECT id, conversation FROM conversations WHERE account = ? AND chat_id = ? ORDER BY session_id DESC LIMIT 1');
    // The dialog names only its current session; an earlier one asked for by
    // its id is known by its kept transcript, so both tables say what was seen.
    this.#sessions = db.prepare(
      `SELECT seen.session_id, c.fetched_at,
              CASE WHEN c.id IS NULL THEN NULL ELSE
                (SELECT count(*) FROM conversation_messages m WHERE m.id BETWEEN c.id * ${ROWS_PER_CONVERSATION} AND c.id * ${ROWS_PER_CONVERSATION} + ${ROWS_PER_CONVERSATION - 1})
              END AS message_count
       FROM (SELECT session_id FROM dialog_sessions WHERE account = ?1 AND chat_id = ?2
             UNION SELECT session_id FROM conversations WHERE account = ?1 AND chat_id = ?2) AS seen
       LEFT JOIN conversations c ON c.account = ?1 AND c.chat_id = ?2 AND c.session_id = seen.session_id
       ORDER BY seen.session_id DESC`,
    );
    // Retention: transcripts fetched before the cutoff whose chat no history
    // entry names any more (pinned entries are never pruned, so theirs stay).
    this.#unreferenced = db.prepare(
      `SELECT id FROM conversations WHERE fetched_at < ?
       AND (account, chat_id) NOT IN (SELECT account, chat_id FROM history WHERE chat_id IS NOT NULL)`,
    );
  }

  /**
   * Keeps the transcript and its messages' index rows (the messages that
   * changed since the kept copy are rewritten and re-indexed), then lets the
   * chat's oldest sessions go past the number kept. Call inside a write transaction.
   */
  put(account: string, answered: Conversation): void {
    const kept = answered.messages.length === 0 ? this.find(account, answered.chatId, answered.sessionId) : null;
    const conversation = kept && kept.messages.length > 0 ? withKeptMessages(kept, answered) : answered;
    const { messages, ...rest } = conversation;
    const stored = messages.length <= ROWS_PER_CONVERSATION ? messages : messages.slice(0, ROWS_PER_CONVERSATION);
    // One JSON text of the whole list to tell whether anything changed: a session fetched again is
    // mostly the same, and one text is much cheaper than a text per message.
    const digest = createHash('sha256').update(JSON.stringify(stored)).digest('hex');
    const before = this.#digest.get(account, conversation.chatId, conversation.sessionId) as { digest: string | null } | undefined;
    const written = this.#put.get(account, conversation.chatId, conversation.sessionId, conversation.fetchedAt, JSON.stringify(rest), digest) as { id: number } | undefined;
    if (written === undefined) return;
    const id = Number(written.id);
    if (before?.digest !== digest) this.#putMessages(id, stored, stored.map((message) => JSON.stringify(message)));
    for (const { id: older } of this.#beyond.all(account, conversation.chatId, this.#sessionsKept) as Array<{ id: number }>) this.#remove(Number(older));
  }

  /** Rewrites and re-indexes the kept transcript's messages that differ from `texts` (their JSON), and drops those past its end. */
  #putMessages(id: number, messages: readonly ConversationMessage[], texts: readonly string[]): void {
    const count = texts.length;
    const base = messageRowId(id, 0);
    const kept = new Map((this.#keptMessages.all(base, base + ROWS_PER_CONVERSATION - 1) as Array<[number, string]>).map(([place, json]) => [Number(place), json]));
    const changed: Array<[number, string]> = [];
    for (let place = 0; place < count; place += 1) if (kept.get(place) !== texts[place]) changed.push([place, texts[place]!]);
    // A kept message that changed or is no longer there loses its index row.
    const stale = [...changed.map(([place]) => place).filter((place) => kept.has(place)), ...[...kept.keys()].filter((place) => place >= count)];
    this.#messages.unindex(id, stale);
    if (kept.size > count) this.#dropMessages.run(base + count, base + ROWS_PER_CONVERSATION - 1);
    if (changed.length > 0) this.#writeMessages.run(base, JSON.stringify(changed));
    this.#messages.index(id, changed.map(([place]): [number, ConversationMessage] => [place, messages[place]!]));
  }

  /**
   * Retention: removes the transcripts fetched before `cutoff` (ISO 8601)
   * whose chat no history entry names. Returns how many went.
   */
  prune(cutoff: string): number {
    const ids = (this.#unreferenced.all(cutoff) as Array<{ id: number }>).map((row) => Number(row.id));
    for (const id of ids) this.#remove(id);
    return ids.length;
  }

  #remove(id: number): void {
    const base = messageRowId(id, 0);
    const places = (this.#keptMessages.all(base, base + ROWS_PER_CONVERSATION - 1) as Array<[number, string]>).map(([place]) => Number(place));
    this.#messages.unindex(id, places);
    this.#dropMessages.run(base, base + ROWS_PER_CONVERSATION - 1);
    this.#delete.run(id);
  }

  /** The session's kept transcript; without `sessionId`, the chat's newest session's. */
  find(account: string, chatId: number, sessionId?: number): Conversation | null {
    const row = (sessionId === undefined ? this.#latest.get(account, chatId) : this.#get.get(account, chatId, sessionId)) as { id: number; conversation: string } | undefined;
    if (!row) return null;
    const base = messageRowId(Number(row.id), 0);
    const messages = (this.#messagesOf.all(base, base + ROWS_PER_CONVERSATION - 1) as Array<[string]>).map(([json]) => json);
    return { ...(JSON.parse(row.conversation) as Omit<Conversation, 'messages'>), messages: JSON.parse(`[${messages.join(',')}]`) as ConversationMessage[] };
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
