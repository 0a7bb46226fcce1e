// The background watch as the window sees it: what it pushes (a dialog's
// changes, the watch's state per account) and the rows of the watch list.
// Plain types only.
import type { BulkDialogSummary } from './bulk-types';
import type { DialogChange } from './dialog-types';
import type { MainErrorEnvelope } from './error-envelope';
import type { EffectiveRules, FiredRule, WatchRules } from './watch-rule-types';

/** A watched dialog changed: pushed once, when the background refresh finds it. */
export interface WatchChangeEvent {
  /** The store's name of the account: the portal's host, or "demo". */
  account: string;
  chatId: number;
  /** When the changed copy was fetched (ISO 8601). */
  at: string;
  /** In words, as the changes card says them. */
  changes: DialogChange[];
}

/** A watched dialog's rules fired: what a desktop notification says, each event once ever. */
export interface WatchFiredEvent {
  account: string;
  chatId: number;
  /** When the refresh that fired them was fetched (ISO 8601). */
  at: string;
  /** The wait first, then the changes, in the order a lead reads them. */
  fired: FiredRule[];
}

/**
 * watching: refreshing at its pace. paused: the computer sleeps (or the app
 * paused it). offline: the last request failed as a whole (the portal out of
 * reach, its limits, the credentials); it tries again. stopped: the account is
 * gone, or has nothing watched.
 */
export type WatchState = 'watching' | 'paused' | 'offline' | 'stopped';

/** How an account's background watch is doing: pushed when it changes and after each request. */
export interface WatchStatus {
  account: string;
  state: WatchState;
  dialogs: number;
  /** `batch` requests one refresh of every dialog takes (50 dialogs each). */
  requestsPerCycle: number;
  /**
   * Requests the wait rules' own reads (the transcripts, the lines) took in
   * the last round: the latest pass of each of its refresh requests. Each
   * waits the same gap, so they lengthen the round, not the rate.
   */
  followUpRequests: number;
  /** One round at this pace (seconds), the wait rules' reads too: the interval, or longer when the share cannot carry it or the reads add to it. */
  cycleSeconds: number;
  /** The budget: what the watch sends at most (every request, the wait rules' reads too, waits the gap), and what the setting allows, in requests a second and in percent of the account's rate. */
  requestsPerSecond: number;
  allowedPerSecond: number;
  shareUsed: number;
  shareAllowed: number;
  /** When the next request goes (ISO 8601); null when stopped or paused. */
  nextRefreshAt: string | null;
  /** Why it is offline or stopped; null otherwise. */
  error: MainErrorEnvelope | null;
}

/** A dialog on an account's watch list, as the store keeps it; its last seen copy is the kept dialog. */
export interface WatchedDialog {
  account: string;
  chatId: number;
  /** The identifier as the user added it (what the watch asks the portal for). */
  input: string;
  /** ISO 8601, when it was added. */
  addedAt: string;
  /** When the watch last had an answer for it (ISO 8601); null before the first. */
  refreshedAt: string | null;
  /** When a refresh last found it changed; null when none has. */
  changedAt: string | null;
  /** What that refresh found, in words; empty when none has. */
  lastChanges: DialogChange[];
  /** The error code of its last refresh when the portal refused this dialog (no access, gone); null when it answered. */
  lastError: string | null;
  /** Changes found since the user last marked it seen. */
  unseen: number;
  /** The notification rules set for this dialog; null: it follows the watch list's (the settings). */
  ownRules: WatchRules | null;
}

/** The rules a watched dialog's notifications follow now. */
export interface WatchedRules extends EffectiveRules {
  /** Why its "longer than the line's target" rule cannot measure the wait (the lines unreadable, no target set); null when it can, or is off. */
  kpiNote: string | null;
}

/** One row of the watch list: what the store keeps of it, and its kept copy in brief. */
export interface WatchedRow extends WatchedDialog {
  /** The latest kept copy, in brief; null before the dialog was ever fetched. */
  dialog: BulkDialogSummary | null;
  /** When that copy was fetched. */
  fetchedAt: string | null;
  /** The rules it follows now: its own, or the list's. */
  rules: WatchedRules;
  /** `lastError` in words (its title, in the call's language); null when it answered. */
  lastErrorTitle: string | null;
}
