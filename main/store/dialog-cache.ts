// The offline copies: the latest version of each dialog per account, its older
// snapshots, and the keys every identifier form is looked up by.
import type { DialogQuery, RawDialog, TimeBlock } from '../core/dialog-types';
import { chatIdFromDialogId, chatIdOf, idFromValue, nameOf, normaliseUserCode, sessionIdOf, userCodeOf } from './dialog-keys';
import { namesInDialog } from '../core/user-names';
import type { SearchIndex } from './search-index';
import type { UserNameTable } from './user-name-table';
import { inReadTransaction, inWriteTransaction, type SqliteDatabase } from './sqlite';
import { StoreError } from './store-error';
import type { CachedDialog } from './store-types';

interface DialogRow {
  account: string;
  chat_id: number;
  fetched_at: string;
  dialog: string;
  time: string | null;
}

const COLUMNS = 'account, chat_id, fetched_at, dialog, time';

function toCached(row: DialogRow): CachedDialog {
  return {
    account: row.account,
    chatId: row.chat_id,
    fetchedAt: row.fetched_at,
    dialog: JSON.parse(row.dialog) as RawDialog,
    time: row.time === null ? null : (JSON.parse(row.time) as TimeBlock),
  };
}

export class DialogCache {
  readonly #db: SqliteDatabase;
  /** Versions kept per dialog, the latest included. */
  readonly #versions: number;
  readonly #search: SearchIndex;
  readonly #names: UserNameTable;
  readonly #rowidOf;
  readonly #keepLatestAsSnapshot;
  readonly #replaceLatest;
  readonly #addSession;
  readonly #sessionsOf;
  readonly #trimSnapshots;
  readonly #byChat;
  readonly #byUserCode;
  readonly #bySession;
  readonly #older;

  constructor(db: SqliteDatabase, versions: number, search: SearchIndex, names: UserNameTable) {
    this.#db = db;
    this.#names = names;
    this.#versions = versions;
    this.#search = search;
    this.#rowidOf = db.prepare('SELECT rowid AS id FROM dialogs WHERE account = ? AND chat_id = ?');
    this.#keepLatestAsSnapshot = db.prepare(
      `INSERT INTO snapshots (account, chat_id, fetched_at, dialog, time)
       SELECT account, chat_id, fetched_at, dialog, time FROM dialogs WHERE account = ? AND chat_id = ?`,
    );
    // REPLACE, not an upsert: the row gets a new rowid, larger than any before,
    // so the search index (keyed by it) can rank the most recent copy first among equals.
    this.#replaceLatest = db.prepare(
      'INSERT OR REPLACE INTO dialogs (account, chat_id, fetched_at, dialog, time, user_code, name) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#sessionsOf = db.prepare('SELECT session_id FROM dialog_sessions WHERE account = ? AND chat_id = ? ORDER BY session_id');
    this.#addSession = db.prepare(
      `INSERT INTO dialog_sessions (account, session_id, chat_id) VALUES (?, ?, ?)
       ON CONFLICT (account, session_id) DO UPDATE SET chat_id = excluded.chat_id`,
    );
    this.#trimSnapshots = db.prepare(
      `DELETE FROM snapshots WHERE account = ? AND chat_id = ? AND id NOT IN
         (SELECT id FROM snapshots WHERE account = ? AND chat_id = ? ORDER BY id DESC LIMIT ?)`,
    );
    this.#byChat = db.prepare(`SELECT ${COLUMNS} FROM dialogs WHERE account = ? AND chat_id = ?`);
    // A user code normally names one chat; if a channel reused one, the freshest copy wins.
    this.#byUserCode = db.prepare(
      `SELECT ${COLUMNS} FROM dialogs WHERE account = ? AND user_code = ? ORDER BY fetched_at DESC LIMIT 1`,
    );
    this.#bySession = db.prepare(
      `SELECT d.account, d.chat_id, d.fetched_at, d.dialog, d.time FROM dialog_sessions s
       JOIN dialogs d ON d.account = s.account AND d.chat_id = s.chat_id
       WHERE s.account = ? AND s.session_id = ?`,
    );
    this.#older = db.prepare(
      `SELECT ${COLUMNS} FROM snapshots WHERE account = ? AND chat_id = ? ORDER BY id DESC LIMIT ?`,
    );
  }

  put(account: string, dialog: RawDialog, time: TimeBlock | null, fetchedAt: string): void {
    const chatId = chatIdOf(dialog);
    if (chatId === null) throw new StoreError('STORE_NO_CHAT_ID', 'The dialog has no chat id (id or dialog_id), so it cannot be cached.');
    // Serialised before the transaction: a value JSON cannot hold fails here, with nothing written.
    const dialogJson = JSON.stringify(dialog);
    const timeJson = time === null ? null : JSON.stringify(time);
    const sessionId = sessionIdOf(dialog);
    inWriteTransaction(this.#db, () => {
      // The current latest becomes a snapshot; the new one takes its place. The
      // JSON of the latest version is thus stored once, never twice.
      this.#keepLatestAsSnapshot.run(account, chatId);
      const previous = this.#rowidOf.get(account, chatId) as { id: number } | undefined;
      const { lastInsertRowid } = this.#replaceLatest.run(account, chatId, fetchedAt, dialogJson, timeJson, userCodeOf(dialog), nameOf(dialog));
      if (sessionId !== null) this.#addSession.run(account, sessionId, chatId);
      // One index row per dialog: the previous copy's goes, the new one's comes, in this transaction,
      // with every session id seen for the chat so that any of them finds it.
      if (previous !== undefined) this.#search.remove(previous.id);
      const sessionIds = (this.#sessionsOf.all(account, chatId) as Array<{ session_id: number }>).map((row) => row.session_id);
      this.#search.add(Number(lastInsertRowid), account, dialog, chatId, sessionIds);
      this.#trimSnapshots.run(account, chatId, account, chatId, this.#versions - 1);
      this.#names.remember(account, namesInDialog(dialog), fetchedAt);
    });
  }

  find(account: string, query: Pick<DialogQuery, 'param' | 'value'>): CachedDialog | null {
    const row = this.#findRow(account, query);
    return row ? toCached(row) : null;
  }

  #findRow(account: string, { param, value }: Pick<DialogQuery, 'param' | 'value'>): DialogRow | undefined {
    switch (param) {
      case 'CHAT_ID': {
        const chatId = idFromValue(value);
        return chatId === null ? undefined : (this.#byChat.get(account, chatId) as DialogRow | undefined);
      }
      case 'DIALOG_ID': {
        const chatId = chatIdFromDialogId(value);
        return chatId === null ? undefined : (this.#byChat.get(account, chatId) as DialogRow | undefined);
      }
      case 'SESSION_ID': {
        const sessionId = idFromValue(value);
        return sessionId === null ? undefined : (this.#bySession.get(account, sessionId) as DialogRow | undefined);
      }
      case 'USER_CODE':
        return this.#byUserCode.get(account, normaliseUserCode(String(value).trim())) as DialogRow | undefined;
      default:
        return undefined;
    }
  }

  /** Portals with cached dialogs, the most recently fetched first. */
  accounts(): string[] {
    const rows = this.#db.prepare('SELECT account FROM dialogs GROUP BY account ORDER BY max(fetched_at) DESC').all() as Array<{ account: string }>;
    return rows.map((row) => row.account);
  }

  /** The account's kept dialogs (latest copies), the most recently fetched first, at most `limit`. */
  latest(account: string, limit: number): CachedDialog[] {
    const rows = this.#db.prepare(`SELECT ${COLUMNS} FROM dialogs WHERE account = ? ORDER BY fetched_at DESC LIMIT ?`).all(account, limit) as DialogRow[];
    return rows.map(toCached);
  }

  /** The latest copy first, then older ones, newest first: up to the configured number. */
  snapshots(account: string, chatId: number): CachedDialog[] {
    // One read transaction, so a put from another process cannot slip between the two reads.
    const rows = inReadTransaction(this.#db, () => {
      const latest = this.#byChat.get(account, chatId) as DialogRow | undefined;
      return latest ? [latest, ...(this.#older.all(account, chatId, this.#versions - 1) as DialogRow[])] : [];
    });
    return rows.map(toCached);
  }
}
