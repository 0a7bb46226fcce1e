// The watch list: the dialogs each account refreshes in the background, with
// what the last refreshes found. The dialogs' copies themselves are in
// dialogs/snapshots like every kept copy; this table only says which to watch
// and what was said of them.
import type { DialogChange } from '../core/dialog-types';
import { asWatchRules, type WatchRules } from '../core/watch-rules';
import type { SqliteDatabase } from './sqlite';
import type { WatchedDialog, WatchRefresh } from './store-types';

interface WatchRow {
  account: Uint8Array;
  chat_id: number;
  input: Uint8Array;
  added_at: string;
  refreshed_at: string | null;
  changed_at: string | null;
  last_changes: string | null;
  last_error: string | null;
  unseen: number;
  rules: string | null;
}

/** The most fired events kept per dialog: the newest; an older one cannot come again (each names its refresh or session). */
const FIRED_KEPT = 500;

// Read as bytes: libsql cuts text at a NUL, and the input is the user's own (see history-table.ts).
const COLUMNS =
  'CAST(account AS BLOB) AS account, chat_id, CAST(input AS BLOB) AS input, added_at, refreshed_at, changed_at, last_changes, last_error, unseen, rules';
const utf8 = new TextDecoder();

/** A hand-edited or unreadable rule set costs the dialog its own rules, never the list: it follows the list's. */
function readRules(text: string | null): WatchRules | null {
  if (text === null) return null;
  try {
    return asWatchRules(JSON.parse(text));
  } catch {
    return null;
  }
}

function toWatched(row: WatchRow): WatchedDialog {
  let lastChanges: DialogChange[] = [];
  try {
    const parsed: unknown = row.last_changes === null ? [] : JSON.parse(row.last_changes);
    if (Array.isArray(parsed)) lastChanges = parsed as DialogChange[];
  } catch {
    // A hand-edited row costs its words, never the list.
  }
  return {
    account: utf8.decode(row.account),
    chatId: Number(row.chat_id),
    input: utf8.decode(row.input),
    addedAt: row.added_at,
    refreshedAt: row.refreshed_at,
    changedAt: row.changed_at,
    lastChanges,
    lastError: row.last_error,
    unseen: Number(row.unseen),
    ownRules: readRules(row.rules),
  };
}

export class WatchTable {
  readonly #add;
  readonly #remove;
  readonly #list;
  readonly #one;
  readonly #accounts;
  readonly #refreshed;
  readonly #changed;
  readonly #seen;
  readonly #setRules;
  readonly #fire;
  readonly #trimFired;
  readonly #fired;

  constructor(db: SqliteDatabase) {
    // Watching a watched dialog again keeps its state: only the input as typed the last time changes.
    this.#add = db.prepare(
      `INSERT INTO watched (account, chat_id, input, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account, chat_id) DO UPDATE SET input = excluded.input`,
    );
    this.#remove = db.prepare('DELETE FROM watched WHERE account = ? AND chat_id = ?');
    this.#list = db.prepare(`SELECT ${COLUMNS} FROM watched WHERE account = ? ORDER BY added_at, chat_id`);
    this.#one = db.prepare(`SELECT ${COLUMNS} FROM watched WHERE account = ? AND chat_id = ?`);
    this.#accounts = db.prepare('SELECT DISTINCT CAST(account AS BLOB) AS account FROM watched ORDER BY account');
    // An older answer (two refreshes crossing) never moves the row back in time.
    this.#refreshed = db.prepare(
      `UPDATE watched SET refreshed_at = ?3, last_error = ?4
       WHERE account = ?1 AND chat_id = ?2 AND (refreshed_at IS NULL OR refreshed_at <= ?3)`,
    );
    this.#changed = db.prepare(
      `UPDATE watched SET changed_at = ?3, last_changes = ?4, unseen = unseen + ?5
       WHERE account = ?1 AND chat_id = ?2 AND (changed_at IS NULL OR changed_at < ?3)`,
    );
    this.#seen = db.prepare('UPDATE watched SET unseen = 0 WHERE account = ? AND chat_id = ?');
    this.#setRules = db.prepare('UPDATE watched SET rules = ? WHERE account = ? AND chat_id = ?');
    // Only for a dialog still watched: a refresh landing after the unwatch leaves nothing behind.
    this.#fire = db.prepare(
      `INSERT OR IGNORE INTO watch_fired (account, chat_id, event_key, fired_at)
       SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM watched WHERE account = ?1 AND chat_id = ?2)`,
    );
    this.#trimFired = db.prepare(
      `DELETE FROM watch_fired WHERE account = ?1 AND chat_id = ?2 AND rowid NOT IN
       (SELECT rowid FROM watch_fired WHERE account = ?1 AND chat_id = ?2 ORDER BY fired_at DESC, rowid DESC LIMIT ?3)`,
    );
    this.#fired = db.prepare('SELECT event_key FROM watch_fired WHERE account = ? AND chat_id = ? ORDER BY fired_at, rowid');
  }

  /** Call inside a write transaction; answers the row as it now is. */
  watch(account: string, chatId: number, input: string, at: string): WatchedDialog {
    this.#add.run(account, chatId, input, at);
    return toWatched(this.#one.get(account, chatId) as WatchRow);
  }

  /** True when it was watched. */
  unwatch(account: string, chatId: number): boolean {
    return Number(this.#remove.run(account, chatId).changes) > 0;
  }

  list(account: string): WatchedDialog[] {
    return (this.#list.all(account) as WatchRow[]).map(toWatched);
  }

  find(account: string, chatId: number): WatchedDialog | null {
    const row = this.#one.get(account, chatId) as WatchRow | undefined;
    return row ? toWatched(row) : null;
  }

  /** Accounts with at least one watched dialog. */
  accounts(): string[] {
    return (this.#accounts.all() as Array<{ account: Uint8Array }>).map((row) => utf8.decode(row.account));
  }

  /** Notes a refresh; its changes, when any, become the row's last change and add to the unseen count. Call inside a write transaction. */
  refreshed(account: string, chatId: number, refresh: WatchRefresh): void {
    this.#refreshed.run(account, chatId, refresh.at, refresh.error);
    const changes = refresh.changes ?? [];
    if (changes.length > 0) this.#changed.run(account, chatId, refresh.at, JSON.stringify(changes), changes.length);
  }

  /** True when it was watched. */
  markSeen(account: string, chatId: number): boolean {
    return Number(this.#seen.run(account, chatId).changes) > 0;
  }

  /** The dialog's own rules, or null to follow the list's; the row as it now is, null when not watched. Call inside a write transaction. */
  setRules(account: string, chatId: number, rules: WatchRules | null): WatchedDialog | null {
    if (Number(this.#setRules.run(rules === null ? null : JSON.stringify(rules), account, chatId).changes) === 0) return null;
    return this.find(account, chatId);
  }

  /** Notes events that fired; answers those not fired before (all of them once, none again). Call inside a write transaction. */
  fire(account: string, chatId: number, keys: readonly string[], at: string): string[] {
    const fresh = keys.filter((key) => Number(this.#fire.run(account, chatId, key, at).changes) > 0);
    if (fresh.length > 0) this.#trimFired.run(account, chatId, FIRED_KEPT);
    return fresh;
  }

  /** The keys of the events fired for a dialog, oldest first. */
  fired(account: string, chatId: number): string[] {
    return (this.#fired.all(account, chatId) as Array<{ event_key: string }>).map((row) => row.event_key);
  }
}
