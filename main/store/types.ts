// The store's public shapes. Plain data: entries and cached dialogs cross IPC
// and are printed by the CLI, so no classes and no methods here.
import type { IdentifierParam, RawDialog, TimeBlock } from '../core/dialog-types';

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
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'pinned'>;

export interface HistoryFilter {
  account?: string;
  /** Default 100. */
  limit?: number;
  /** Only entries older than this id: the next page after the last one shown. */
  beforeId?: number;
  /** 'ok' (from the portal or the cache), or 'error' (any error code). */
  outcome?: 'ok' | 'error';
  /** Case-insensitive part of what was typed or sent. */
  text?: string;
}

export interface CachedDialog {
  account: string;
  chatId: number;
  fetchedAt: string;
  dialog: RawDialog;
  time: TimeBlock | null;
}

export interface StoreOptions {
  /** Versions kept per dialog, the latest included. Default 10. */
  snapshotsPerDialog?: number;
}

/** How much history to keep; pinned entries are never removed by it. */
export interface HistoryRetention {
  /** Default 10,000. */
  maxEntries: number;
  /** Default 180. */
  maxAgeDays: number;
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
