// The store behind history and the offline cache: one SQLite file in the data
// folder, shared by the app and the CLI. Synchronous on purpose: every call is
// a handful of indexed reads or one small transaction (well under a millisecond
// or two), and a synchronous API cannot interleave half-done writes.
import path from 'node:path';
import type { BulkRunResult } from '../core/bulk-types';
import type { DialogQuery, RawDialog, TimeBlock } from '../core/dialog-types';
import { authorNames, userIdsIn, type UserNames } from '../core/user-names';
import { compareKeptCopies, dialogTimeline, type KeptCopy, type TimelineEntry } from '../core/dialog-timeline';
import type { DialogChanges } from '../core/dialog-types';
import type { Conversation } from '../core/conversation-types';
import type { OverviewResult } from '../core/overview-types';
import type { WatchRules } from '../core/watch-rules';
import { BulkRunTable } from './bulk-run-table';
import { LastOverviewTable } from './last-overview-table';
import { DialogCache } from './dialog-cache';
import { HistoryTable } from './history-table';
import { hitKey, MessageIndex, TIDY_PAGES } from './message-index';
import { DEFAULT_SEARCH_LIMIT, SearchIndex } from './search-index';
import { UserNameTable } from './user-name-table';
import { WatchTable } from './watch-table';
import { ConversationTable } from './conversation-table';
import { ensureDir, openDatabase } from './open-database';
import { inReadTransaction, inWriteTransaction, storeErrorFrom, type SqliteDatabase } from './sqlite';
import { isPassingStoreError, StoreError } from './store-error';
import {
  DEFAULT_RETENTION,
  type CachedDialog,
  type DialogSearchHit,
  type DialogSearchOptions,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryRetention,
  type NewHistoryEntry,
  type OpenReport,
  type PruneReport,
  type SessionSummary,
  type StoreOptions,
  type WatchedDialog,
  type WatchRefresh,
} from './store-types';

export const DATABASE_FILE_NAME = 'openlines-inspector.db';
const DEFAULT_SNAPSHOTS_PER_DIALOG = 10;

export class InspectorStore {
  /** What was moved aside at open; empty when the file was healthy. */
  readonly report: OpenReport;
  /** The database file's full path. */
  readonly file: string;
  readonly #db: SqliteDatabase;
  readonly #history: HistoryTable;
  readonly #bulkRuns: BulkRunTable;
  readonly #lastOverview: LastOverviewTable;
  readonly #dialogs: DialogCache;
  readonly #names: UserNameTable;
  readonly #conversations: ConversationTable;
  readonly #search: SearchIndex;
  readonly #messages: MessageIndex;
  readonly #watched: WatchTable;
  #closed = false;
  /** A tidy step of the message index is scheduled (see #tidySoon). */
  #tidying = false;

  private constructor(db: SqliteDatabase, file: string, report: OpenReport, versions: number) {
    this.#db = db;
    this.file = file;
    this.report = report;
    this.#history = new HistoryTable(db);
    this.#bulkRuns = new BulkRunTable(db);
    this.#lastOverview = new LastOverviewTable(db);
    this.#search = new SearchIndex(db);
    this.#names = new UserNameTable(db);
    this.#messages = new MessageIndex(db);
    this.#conversations = new ConversationTable(db, this.#messages, versions);
    this.#dialogs = new DialogCache(db, versions, this.#search, this.#names);
    this.#watched = new WatchTable(db);
  }

  /** Opens or creates `<dataDir>/openlines-inspector.db`; a damaged file is moved aside and reported. */
  static open(dataDir: string, options: StoreOptions = {}): InspectorStore {
    const versions = options.snapshotsPerDialog ?? DEFAULT_SNAPSHOTS_PER_DIALOG;
    if (!Number.isSafeInteger(versions) || versions < 1) {
      throw new StoreError('STORE_BAD_ARGUMENT', `snapshotsPerDialog must be a whole number ≥ 1, not ${versions}`);
    }
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    let opened: ReturnType<typeof openDatabase>;
    try {
      ensureDir(dataDir);
      opened = openDatabase(file);
    } catch (error) {
      throw storeErrorFrom(error);
    }
    try {
      return new InspectorStore(opened.db, file, { recovered: opened.recovered }, versions);
    } catch (error) {
      // Preparing the statements reads the schema, which a lock can block too.
      opened.db.close();
      throw storeErrorFrom(error);
    }
  }

  /**
   * Several writes as one: all kept or none, and one commit (with
   * synchronous=FULL, one flush to disk) rather than one each. A lookup keeps
   * its transcript, its dialog and its history entry this way.
   */
  keepTogether<T>(work: () => T): T {
    return this.#write(work);
  }

  recordLookup(entry: NewHistoryEntry): HistoryEntry {
    return this.#write(() => this.#history.record(entry));
  }

  /**
   * A bulk run as one history entry (outcome 'bulk') that reopens its table:
   * `input` names its first identifiers, the entry's `bulk` its tally.
   */
  recordBulkRun(account: string, result: BulkRunResult, at: string, inputs: readonly string[]): HistoryEntry {
    return this.#write(() => {
      const entry = this.#history.record({
        account,
        input: bulkRunLabel(inputs),
        param: null,
        value: null,
        at,
        outcome: 'bulk',
        chatId: null,
        elapsedMs: result.elapsedMs,
        source: 'network',
      });
      this.#bulkRuns.put(entry.id, result);
      return { ...entry, bulk: { total: result.rows.length, found: result.found, kept: result.kept, failed: result.failed, cancelled: result.cancelled } };
    });
  }

  /** A kept bulk run's table, by its history entry or by its run id; null when it is gone. */
  bulkRun(by: { historyId: number } | { runId: string }): BulkRunResult | null {
    return this.#read(() => ('historyId' in by ? this.#bulkRuns.byEntry(by.historyId) : this.#bulkRuns.byRun(by.runId)));
  }

  /** The overview refresh that reached the portal, kept as the account's last unless an older one (by its stamp). */
  keepOverview(account: string, result: OverviewResult): void {
    this.#write(() => this.#lastOverview.put(account, result));
  }

  /** The account's last overview refresh that reached the portal; null before one did. */
  lastOverview(account: string): OverviewResult | null {
    return this.#read(() => this.#lastOverview.get(account));
  }

  /** Newest first; default 100 entries. Page on with `beforeId` = the last id shown. */
  listHistory(filter?: HistoryFilter): HistoryEntry[] {
    return this.#read(() => this.#history.list(filter));
  }

  /** No-op for an id that is gone (deleted in another window or by the CLI). */
  setPinned(id: number, pinned: boolean): void {
    this.#write(() => this.#history.setPinned(id, pinned));
  }

  /** No-op for an id that is already gone. */
  deleteHistory(id: number): void {
    this.#write(() => this.#history.delete(id));
  }

  /**
   * Applies the retention limits to the history (pinned entries stay), then to
   * the kept transcripts: one fetched longer ago than `maxAgeDays` goes, with
   * its messages' index rows, once no history entry left names its chat. A
   * pinned lookup's chat thus keeps its transcripts, and so does a chat looked
   * up within the limits; kept dialogs are not pruned (they keep
   * snapshotsPerDialog copies, and their chat that many sessions' transcripts).
   * Returns how many of each went.
   */
  pruneHistory(retention: HistoryRetention = DEFAULT_RETENTION, now = new Date()): PruneReport {
    const { maxEntries, maxAgeDays } = retention;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 0 || !(maxAgeDays >= 0)) {
      throw new StoreError('STORE_BAD_ARGUMENT', 'retention limits must be non-negative numbers');
    }
    return this.#write(() => {
      const entries = this.#history.prune(maxEntries, maxAgeDays, now);
      const transcripts = this.#conversations.prune(new Date(now.getTime() - maxAgeDays * 86_400_000).toISOString());
      return { entries, transcripts };
    });
  }

  /** Portals with cached dialogs, the most recently fetched first. */
  cachedAccounts(): string[] {
    return this.#read(() => this.#dialogs.accounts());
  }

  /** Removes every unpinned entry, of one account or of all; pinned ones stay. */
  clearHistory(account?: string): number {
    return this.#write(() => this.#history.clear(account));
  }

  /** Stores the new latest copy; the previous one becomes a snapshot; older ones past the limit go. */
  putDialog(account: string, dialog: RawDialog, time: TimeBlock | null, fetchedAt: string): void {
    this.#write(() => this.#dialogs.put(account, dialog, time, fetchedAt));
  }

  /**
   * Keeps a transcript (the newest of its session wins) and the names of its
   * authors, so the conversation reads offline and its people are named
   * everywhere; its messages replace the session's rows in the message index.
   * The chat keeps the transcripts of its newest snapshotsPerDialog sessions.
   */
  putConversation(account: string, conversation: Conversation): void {
    this.#write(() => {
      this.#conversations.put(account, conversation);
      this.#names.remember(account, authorNames(conversation), conversation.fetchedAt);
    });
    this.#tidySoon();
  }

  /**
   * Merges the message index's segments after a put, in later ticks, a step
   * (TIDY_PAGES) per tick, until none is due. FTS5 merges by itself in a
   * write's commit every few puts, 64 pages per level at once (20 to 90 ms at
   * a million messages); done here, a put's commit finds nothing due. The
   * index answers the same either way: merging only joins its segments.
   * Housekeeping: whatever stops a step (the store closed, the file busy or
   * full) leaves the merging to FTS5's own in the next put.
   */
  #tidySoon(): void {
    if (this.#tidying) return;
    this.#tidying = true;
    const step = () => {
      let more = false;
      try {
        more = !this.#closed && this.#write(() => this.#messages.tidy(TIDY_PAGES));
      } catch {
        more = false;
      }
      if (more) setImmediate(step);
      else this.#tidying = false;
    };
    setImmediate(step);
  }

  /** Names the portal gave user ids when asked (im.user.list.get), kept for every lookup after, offline too. */
  rememberNames(account: string, names: UserNames, seenAt: string): void {
    if (Object.keys(names).length > 0) this.#write(() => this.#names.remember(account, names, seenAt));
  }

  /** A session's kept transcript; without `sessionId`, the chat's newest session's. */
  findConversation(account: string, chatId: number, sessionId?: number): Conversation | null {
    return this.#read(() => this.#conversations.find(account, chatId, sessionId));
  }

  /** Every session id seen for the chat on this account, newest first: dialog_sessions and the kept transcripts. */
  sessionsOf(account: string, chatId: number): SessionSummary[] {
    return this.#read(() => this.#conversations.sessions(account, chatId));
  }

  /** The names this account's kept dialogs gave these user ids (id → name); ids without one are left out. */
  namesFor(account: string, ids: readonly string[]): UserNames {
    return this.#read(() => this.#names.namesFor(account, ids));
  }

  /** Any identifier form finds the cached dialog: chat id, dialog id, any session id seen, user code. */
  findDialog(account: string, query: Pick<DialogQuery, 'param' | 'value'>): CachedDialog | null {
    return this.#read(() => this.#dialogs.find(account, query));
  }

  /**
   * Cached dialogs (latest copies) whose name, ids, user code or its parts, CRM
   * bindings, line, description, or readers' names contain words starting with
   * each word typed; case- and accent-insensitive. Best match first (bm25; name
   * and ids weigh most, readers' names least). Blank text finds nothing. What
   * the user types is never read as query syntax. Then, while the page is not
   * full, the dialogs whose kept conversation has a message with every word
   * (each word three characters or more), with that message (`hit.message`).
   */
  searchDialogs(text: string, options: DialogSearchOptions = {}): DialogSearchHit[] {
    return this.#read(() => {
      const hits = this.#search.search(text, options);
      const limit = (options.limit ?? DEFAULT_SEARCH_LIMIT) - hits.length;
      const skip = new Set(hits.map((hit) => hitKey(hit.account, hit.chatId)));
      return [...hits, ...this.#messages.search(text, { account: options.account ?? null, limit, skip })];
    });
  }

  /** The account's kept dialogs (their latest copies), the most recently fetched first; at most `limit`. */
  keptDialogs(account: string, limit: number): CachedDialog[] {
    return this.#read(() => this.#dialogs.latest(account, limit));
  }

  /** The latest copy first, then older ones; at most snapshotsPerDialog. */
  snapshots(account: string, chatId: number): CachedDialog[] {
    return this.#read(() => this.#dialogs.snapshots(account, chatId));
  }

  /**
   * A dialog's kept copies, oldest first, each with what changed since the one
   * before (the oldest: null); users named from this account's directory.
   * Empty for a dialog never kept.
   */
  timeline(account: string, chatId: number): TimelineEntry[] {
    const { copies, names } = this.#keptCopies(account, chatId);
    return dialogTimeline(copies, { names });
  }

  /** What changed between the copies fetched at `from` and `to` (either order); null when either is not kept. */
  compareKept(account: string, chatId: number, from: string, to: string): DialogChanges | null {
    const { copies, names } = this.#keptCopies(account, chatId);
    return compareKeptCopies(copies, from, to, { names });
  }

  #keptCopies(account: string, chatId: number): { copies: KeptCopy[]; names: UserNames } {
    return this.#read(() => {
      const copies = this.#dialogs.snapshots(account, chatId).reverse().map(({ fetchedAt, dialog }) => ({ fetchedAt, dialog }));
      const ids = [...new Set(copies.flatMap((copy) => userIdsIn(copy.dialog)))];
      return { copies, names: this.#names.namesFor(account, ids) };
    });
  }

  /**
   * Puts a dialog on the account's watch list (`input`: the identifier the
   * watch asks for). Watching it again keeps what was found so far.
   */
  watch(account: string, chatId: number, input: string, at: string): WatchedDialog {
    if (!Number.isSafeInteger(chatId) || chatId <= 0) throw new StoreError('STORE_BAD_ARGUMENT', `a chat id is a positive whole number, not ${chatId}`);
    return this.#write(() => this.#watched.watch(account, chatId, input, at));
  }

  /** Takes it off the list; its kept copies stay. False when it was not watched. */
  unwatch(account: string, chatId: number): boolean {
    return this.#write(() => this.#watched.unwatch(account, chatId));
  }

  /** The account's watched dialogs, in the order they were added. */
  watchList(account: string): WatchedDialog[] {
    return this.#read(() => this.#watched.list(account));
  }

  /** One watched dialog; null when it is not watched. */
  watchedDialog(account: string, chatId: number): WatchedDialog | null {
    return this.#read(() => this.#watched.find(account, chatId));
  }

  /** Accounts that watch at least one dialog. */
  watchingAccounts(): string[] {
    return this.#read(() => this.#watched.accounts());
  }

  /** Notes what a background refresh found (no-op for a dialog unwatched meanwhile). */
  watchRefreshed(account: string, chatId: number, refresh: WatchRefresh): void {
    this.#write(() => this.#watched.refreshed(account, chatId, refresh));
  }

  /** The user has seen its changes: its unseen count goes back to 0. False when it is not watched. */
  markSeen(account: string, chatId: number): boolean {
    return this.#write(() => this.#watched.markSeen(account, chatId));
  }

  /** Sets a watched dialog's own notification rules (null: it follows the list's); null when it is not watched. */
  setWatchRules(account: string, chatId: number, rules: WatchRules | null): WatchedDialog | null {
    return this.#write(() => this.#watched.setRules(account, chatId, rules));
  }

  /**
   * Notes the events a watched dialog's rules fired (their keys) and answers
   * the ones that had not fired before: what to tell the user, once ever.
   * None for a dialog no longer watched; an unwatched dialog's keys are gone.
   */
  fireWatchEvents(account: string, chatId: number, keys: readonly string[], at: string): string[] {
    if (keys.length === 0) return [];
    return this.#write(() => this.#watched.fire(account, chatId, keys, at));
  }

  /** The keys of the events fired for a watched dialog, oldest first. */
  firedWatchEvents(account: string, chatId: number): string[] {
    return this.#read(() => this.#watched.fired(account, chatId));
  }

  /** Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // libsql holds the file open until its prepared statements are garbage
    // collected, so the log is folded into the main file now: after close the
    // .db alone is complete (a copy or backup of it misses nothing).
    try {
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // Locked by another program or no room to fold the log in: the log stays
      // beside the file, complete, and the next connection to close folds it.
      if (!isPassingStoreError(storeErrorFrom(error))) throw error;
    } finally {
      this.#db.close();
    }
  }

  /**
   * Every call goes through one of these two: in a transaction begun by exec(),
   * so another program's lock is met there (see sqlite.ts), and with SQLite's
   * lock, disk-full and access errors turned into StoreErrors. A write is all
   * or nothing: a history entry with its read-back, a dialog with its
   * snapshot, search row and session key.
   */
  #write<T>(work: () => T): T {
    return this.#use(() => inWriteTransaction(this.#db, work));
  }

  #read<T>(work: () => T): T {
    return this.#use(() => inReadTransaction(this.#db, work));
  }

  #use<T>(work: () => T): T {
    if (this.#closed) throw new StoreError('STORE_CLOSED', 'The history database is closed.');
    try {
      return work();
    } catch (error) {
      throw storeErrorFrom(error);
    }
  }
}

/** A run's history line: its first identifiers, as many as read at a glance. */
function bulkRunLabel(inputs: readonly string[]): string {
  const named = inputs.map((input) => input.trim()).filter((input) => input !== '');
  let label = '';
  for (const input of named) {
    const next = label === '' ? input : `${label}, ${input}`;
    if (next.length > 80) return `${label}, …`;
    label = next;
  }
  return label;
}
