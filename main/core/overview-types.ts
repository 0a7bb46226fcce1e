// The overview: the open-line dialogs a lead cares about, one row each, made
// from whichever sources the account's scopes allow (facts §2): its own recent
// list (im.recent.get), the portal's session activities (crm.activity.list)
// and the dialogs kept on this computer. Plain data that crosses IPC.
import type { MainErrorEnvelope } from './error-envelope';

export const OVERVIEW_SOURCES = ['recent', 'crm', 'kept'] as const;
export type OverviewSource = (typeof OVERVIEW_SOURCES)[number];

/** The three states the portal's own dialog list shows (facts §4: <40, 40–59, ≥60). */
export type OverviewStatus = 'clientWaiting' | 'operatorAnswered' | 'closed';

export interface OverviewRow {
  /** Null only for a session activity whose dialog could not be read. */
  chatId: number | null;
  dialogId: string | null;
  /** The chat's name ("Client - Line"). */
  name: string;
  status: OverviewStatus | null;
  /** The session's raw STATUS (facts §4), where the portal gave it (im.recent.get for a queue member). */
  statusCode: number | null;
  /** ISO 8601: since when the client has waited for an answer; null when not waiting or unknown. */
  waitingSince: string | null;
  /**
   * Seconds the line allows for this wait (imopenlines.config.list.get):
   * KPI_FURTHER_ANSWER_TIME when the client asks again after an answer
   * (status 25), else KPI_FIRST_ANSWER_TIME. Null when nobody waits, or the
   * line's target is unknown or not set.
   */
  answerTargetSeconds: number | null;
  /** The connector id (livechat, telegrambot…). */
  channel: string | null;
  /** Its name in the call's language; null for a connector we do not know. */
  channelName: string | null;
  lineId: number | null;
  lineName: string | null;
  operatorId: number | null;
  operatorName: string | null;
  /** The client's connector user id; 0 for connectors that group by chat. */
  clientUserId: number | null;
  clientName: string | null;
  /** "Lead 1209". */
  crm: string | null;
  sessionId: number | null;
  /** ISO 8601. */
  sessionStart: string | null;
  /** ISO 8601. */
  lastMessageAt: string | null;
  /** Messages the account has not read; null when no source said. */
  unread: number | null;
  pinned: boolean;
  silent: boolean;
  blocked: boolean;
  /** Where the row was seen, in OVERVIEW_SOURCES order. */
  sources: OverviewSource[];
  /** Read again with imopenlines.dialog.get in this refresh. */
  completed: boolean;
}

/** Whether a source gave rows, and if not, why: a missing scope is named, so the lead knows what would enable it. */
export type OverviewSourceState =
  | { source: OverviewSource; state: 'used'; rows: number }
  | { source: OverviewSource; state: 'needsScope'; scope: string }
  | { source: OverviewSource; state: 'failed'; error: MainErrorEnvelope }
  /** Not asked: not chosen, or the portal is not asked at all (offline). */
  | { source: OverviewSource; state: 'notAsked' };

export interface OverviewRequest {
  /** A saved account's id; absent: the connected portal. */
  account?: string;
  /** Default: all three. */
  sources?: OverviewSource[];
  /** Only the copies kept on this computer; the portal is not asked. */
  offline?: boolean;
}

export interface OverviewResult {
  rows: OverviewRow[];
  sources: OverviewSourceState[];
  /** ISO 8601: when the portal was asked (offline: when the result was made). */
  fetchedAt: string;
  /** Rows left out past the bound of one refresh. */
  truncated: boolean;
  /**
   * Set when a newer refresh did not reach the portal and this, the last one
   * that did, is shown in its place: when that one was asked, and why it failed.
   */
  notReached?: { at: string; error: MainErrorEnvelope | null };
}

/** What the overview's own refreshes are doing: 'off' while set to by hand only; 'waiting' for the next; 'offline' when the last did not reach the portal. */
export type OverviewScheduleState = 'off' | 'waiting' | 'refreshing' | 'offline';

/** The overview's refresh schedule and the budget it uses, pushed as overviewSchedule. */
export interface OverviewSchedule {
  /** The account refreshed (the store's name of it); null before the overview was first asked for. */
  account: string | null;
  state: OverviewScheduleState;
  /** The setting: every this many minutes; 0, by hand only. */
  everyMinutes: number;
  /** ISO 8601: when the next refresh leaves; null when off, or while one runs. */
  nextAt: string | null;
  /** The last refresh's requests (by hand or on schedule); while one runs, its requests so far. */
  requests: number;
  /** Percent of the account's rate the last refresh used over its interval. */
  shareUsed: number;
  /** The setting: percent of the account's rate the refreshes may use. */
  shareAllowed: number;
  /** The last refresh cost more than the share carries in `everyMinutes`: the next waits longer than that. */
  waitsLonger: boolean;
  /** ISO 8601: when the last refresh that reached the portal ended. */
  lastRefreshAt: string | null;
  /** Why the last refresh on schedule failed or did not reach the portal; null after one that did. */
  error: MainErrorEnvelope | null;
}

/** A refresh on schedule's result, and whose it is (the window shows it only for the portal connected). */
export interface OverviewRefreshed {
  account: string;
  result: OverviewResult;
}
