// The store's public shapes. Plain data: entries and cached dialogs cross IPC
// and are printed by the CLI, so no classes and no methods here.
import type { DialogChange, IdentifierParam, RawDialog, TimeBlock } from '../core/dialog-types';

export interface HistoryEntry {
  id: number;
  /** Which portal: the portal host ("example.bitrix24.com"), or "demo". */
  account: string;
  /** As typed (trimmed). */
  input: string;
  /** null when the input was refused before any request. */
  param: IdentifierParam | null;
  /** The value sent, as text. */
  value: string | null;
  /** ISO 8601 UTC, when the lookup started. */
  at: string;
  /** 'ok' or the error code (e.g. 'ACCESS_ERROR'). */
  outcome: string;
  /** The chat it resolved to. */
  chatId: number | null;
  elapsedMs: number;
  source: 'network' | 'cache';
  pinned: boolean;
  /**
   * The name (the client) of the dialog it found, while that dialog is kept on
   * this computer and has one; absent otherwise. Text from the portal: show it
   * as text, never as markup.
   */
  name?: string;
  /** For a bulk run (outcome 'bulk'): its tally; its table reopens by the entry's id. */
  bulk?: BulkTally;
}

export interface BulkTally {
  total: number;
  found: number;
  kept: number;
  failed: number;
  cancelled: boolean;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'pinned' | 'name'>;

export interface HistoryFilter {
  account?: string;
  /** Default 100. */
  limit?: number;
  /** Only entries older than this id: the next page after the last one shown. */
  beforeId?: number;
  /** 'ok' (from the portal or the cache), or 'error' (any error code). */
  outcome?: 'ok' | 'error';
  /** Only the entries the user pinned. */
  pinnedOnly?: boolean;
  /** Case-insensitive part of what was typed or sent, or of the kept dialog's name. */
  text?: string;
}

export interface CachedDialog {
  account: string;
  chatId: number;
  fetchedAt: string;
  dialog: RawDialog;
  time: TimeBlock | null;
}

export interface DialogSearchOptions {
  /** Only this portal's dialogs; all portals when absent. */
  account?: string;
  /** Default 50. */
  limit?: number;
}

/** A session the store has seen for a chat (its dialog named it, or its transcript is kept); newest first. */
export interface SessionSummary {
  sessionId: number;
  /** Whether its transcript is kept on this computer. */
  kept: boolean;
  /** When the kept transcript arrived (ISO 8601); null when none is kept. */
  fetchedAt: string | null;
  messageCount: number | null;
}

/** One cached dialog found by searchDialogs; best first. */
export interface DialogSearchHit {
  account: string;
  chatId: number;
  /** When the latest cached copy was fetched (ISO 8601). */
  fetchedAt: string;
  /** The dialog's name ("" when it has none). */
  name: string;
  /** "chat1777". */
  dialogId: string;
  /** Without any `imol|` prefix; null when the dialog has none. */
  userCode: string | null;
  /**
   * Plain text from the field that matched best (name, ids, CRM bindings, line,
   * description, or readers' names), about 120 characters at most, with every
   * matched word between SNIPPET_MATCH_START (U+0002) and SNIPPET_MATCH_END
   * (U+0003). Never markup: escape it as any other text, then style the marked
   * parts. The two characters never occur in it otherwise.
   */
  snippet: string;
  /**
   * bm25 score, lower is better; hits come in this order, equal ranks the most
   * recently cached first. When more than RANK_WINDOW (500) dialogs match (a
   * broad word, one or two letters typed), hits are not scored: the rank says
   * whether the name or an id matched (BROAD_RANK), see SearchIndex.
   */
  rank: number;
  /**
   * Present when the dialog was found by a message of its kept conversation
   * rather than by its own fields: that message (its session's newest
   * transcript kept, its latest message saying it). `snippet` above is then
   * the message's, marked the same way. Such hits come after every hit in the
   * dialogs' own fields (rank MESSAGE_RANK, 0), a dialog only once.
   */
  message?: DialogSearchMessage;
}

export interface DialogSearchMessage {
  sessionId: number;
  messageId: number;
  /** ISO 8601 with the portal's offset, as sent. */
  date: string;
  /** Who wrote it, by name; the system and unknown authors by their role. Portal text: show as text. */
  author: string;
  /** The message's words, cut around the first match, matches between U+0002 and U+0003. */
  snippet: string;
}

export interface StoreOptions {
  /** Versions kept per dialog, the latest included; also the sessions whose transcript is kept per chat, the newest. Default 10. */
  snapshotsPerDialog?: number;
}

/** How much history to keep; pinned entries are never removed by it. */
export interface HistoryRetention {
  /** Default 10,000. */
  maxEntries: number;
  /** Default 180. */
  maxAgeDays: number;
}

/** What pruneHistory removed. */
export interface PruneReport {
  /** History entries. */
  entries: number;
  /** Kept transcripts (sessions), with their messages and index rows. */
  transcripts: number;
}

export const DEFAULT_RETENTION: HistoryRetention = { maxEntries: 10_000, maxAgeDays: 180 };

export interface RecoveredFile {
  file: string;
  /** `<file>.corrupt-<timestamp>`; its -wal and -shm, if any, sit beside it with those suffixes. */
  movedTo: string;
  reason: string;
}

/** What was moved aside at open, so the app and the CLI can tell the user what was lost. */
export interface OpenReport {
  recovered: RecoveredFile[];
}

// A dialog on the watch list, as the store keeps it: one shape with the row the window lists (core/watch-types.ts).
export type { WatchedDialog } from '../core/watch-types';

/** What one refresh of a watched dialog found, for WatchTable.refreshed. */
export interface WatchRefresh {
  at: string;
  /** Its changes since the copy before; empty (or null, the first time) for none. */
  changes: DialogChange[] | null;
  /** Set when the portal refused this dialog on its own. */
  error: string | null;
}
