// The IPC contract, declared once: OPERATIONS (window → main) and EVENTS
// (main → window), each entry its name, channel and types. Main imports it
// only with `import type`, except the channel maps the shell registers and
// sends on; "find references" on an operation shows every side of it. Runtime
// checks of the arguments live in main/api/argument-schemas.ts, which is
// type-checked against this file.

import type { AccountSummary, RatePlan } from '../main/accounts/account-types';
import type { DialogChanges, DialogQuery, LookupResult, PortalInfo } from '../main/core/dialog-types';
import type { DialogTimeline } from '../main/core/timeline-types';
import type { ErrorEnvelope } from '../main/core/error-envelope';
import type { Language, LanguageSetting } from '../main/core/language';
import type { Conversation } from '../main/core/conversation-types';
import type { ExportOutcome, ExportRequest, OpenedList } from '../main/export/export-types';
import type { WatchNotify, WatchWait } from '../main/core/setting-limits';
import type { DialogSearchHit, HistoryEntry, SessionSummary } from '../main/store/store-types';

export type {
  CrmBinding,
  OperatingBudgetInfo,
  DecodedDialog,
  DialogChanges,
  DialogQuery,
  FieldKind,
  FieldRow,
  FieldSection,
  IdentifierParam,
  LookupResult,
  PortalInfo,
  RawDialog,
  TimeBlock,
} from '../main/core/dialog-types';
export type { DialogTimeline, TimelineCopy } from '../main/core/timeline-types';
export { shownCode, type ErrorEnvelope } from '../main/core/error-envelope';
export { csvField } from '../main/core/csv';
export { sameHost } from '../main/core/portal-host';
export { filePieces, looksLikeList, listPieces, MAX_LISTED_IDENTIFIERS } from '../main/core/list-pieces';
export type { ErrorCode } from '../main/core/error-code-list';
export type {
  BulkDialogSummary,
  BulkProgress,
  BulkRow,
  BulkRowOutcome,
  BulkRunRequest,
  BulkRunResult,
  IdentifierList,
  ListedIdentifier,
} from '../main/core/bulk-types';
import type { BulkProgress, BulkRunRequest, BulkRunResult, IdentifierList } from '../main/core/bulk-types';
export type {
  OverviewRefreshed,
  OverviewRequest,
  OverviewResult,
  OverviewRow,
  OverviewSchedule,
  OverviewScheduleState,
  OverviewSource,
  OverviewSourceState,
  OverviewStatus,
} from '../main/core/overview-types';
import type { OverviewRefreshed, OverviewRequest, OverviewResult, OverviewSchedule } from '../main/core/overview-types';
export type { WatchChangeEvent, WatchedRow, WatchedRules, WatchState, WatchStatus } from '../main/core/watch-types';
export type { WatchRules } from '../main/core/watch-rule-types';
import type { WatchRules } from '../main/core/watch-rule-types';
import type { WatchChangeEvent, WatchedRow, WatchStatus } from '../main/core/watch-types';
export type {
  AttachBlock,
  AttachCard,
  AuthorRole,
  Conversation,
  ConversationAuthor,
  ConversationFile,
  ConversationMessage,
  ConversationOutcome,
  ConversationRating,
  ConversationStatus,
  ConversationTimings,
  Wait,
} from '../main/core/conversation-types';
export type { AccountKind, AccountState, AccountSummary, RatePlan } from '../main/accounts/account-types';
export type { DialogSearchHit, DialogSearchMessage, HistoryEntry, SessionSummary } from '../main/store/store-types';
export type { ExportFormat, ExportOutcome, ExportRequest, OpenedList } from '../main/export/export-types';

/** Every answer crosses IPC as plain data: a value or an error envelope, never a thrown Error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

/** How a bare positive integer is read. */
export type NumberAs = 'chat' | 'session';

export interface ConnectionState {
  kind: 'none' | 'webhook' | 'oauth' | 'demo';
  /** The portal's address; never the webhook key. */
  portal: PortalInfo | null;
  /** The Bitrix24 user the webhook acts as (not secret: it is in every portal URL). */
  userId: number | null;
  /** Something the user should know about this connection (the key kept for this run only, a saved one unreadable). */
  notice: string | null;
  /** The saved account lookups go to; null for the demo portal and for none. */
  account: AccountSummary | null;
}

/** Starts a sign-in with the user's own local application (https://apidocs.bitrix24.com/settings/oauth/index.html). */
export interface OAuthBeginRequest {
  /** https://<portal>, as the user typed it. Left out when signing an existing account in again. */
  portal?: string;
  clientId?: string;
  /** Left out to reuse the saved one of `accountId`. */
  clientSecret?: string;
  /** Signs this saved account in again, with its portal and application unless given. */
  accountId?: string;
  /** Default https://oauth.bitrix.info. */
  oauthServer?: string;
  /** The loopback port registered as the application's handler (default 31417). */
  port?: number;
  name?: string;
}

export interface OAuthPending {
  /** Opened in the system browser already; shown so it can be copied to another one. */
  authorizeUrl: string;
  /** http://127.0.0.1:<port>/oauth/callback, or null when the port was taken (paste the code instead). */
  redirectUri: string | null;
}

export interface Settings {
  numberAs: NumberAs;
  /** History retention: the newest this many unpinned lookups are kept… */
  historyMaxEntries: number;
  /** …and none older than this many days. Pinned lookups are always kept. */
  historyMaxAgeDays: number;
  /** Copies kept of each dialog, the latest included, for "changed since". */
  snapshotsPerDialog: number;
  /** The most of a portal's answer read, in megabytes; a larger one is refused and nothing of it kept. */
  maxAnswerMb: number;
  /** system follows the OS; drives nativeTheme.themeSource and the page's colours. */
  theme: ThemeSetting;
  /** The interface language; system follows the OS locale. */
  language: LanguageSetting;
  /** Installed builds look for updates on start and every few hours; never blocks the app. */
  checkForUpdates: boolean;
  /** Fetch the current session's transcript with each lookup (imopenlines.session.history.get). */
  fetchConversation: boolean;
  /** The watched dialogs are each refreshed at most this often (seconds); longer when the share below cannot carry them. */
  watchIntervalSeconds: number;
  /** Percent of the account's request rate (2/s standard, 5/s enterprise) the background watch may use. */
  watchShareOfLimit: number;
  /** Which changes of a watched dialog give a desktop notification: a new session, a client waiting, a close, a new operator, a block; every change; none. */
  watchNotify: WatchNotify;
  /** Quiet mode: notifications are held, and said as one when it ends. */
  watchQuiet: boolean;
  /** The list's "the client has waited longer than" rule: minutes (WATCH_WAIT_MINUTES), 'kpi' for the line's answer-time target, 0 for off. Off when watchNotify is. */
  watchWaitMinutes: WatchWait;
  /** The overview refreshes itself this often once opened (minutes); 0: by hand only. Longer when the share below cannot carry a refresh. */
  overviewRefreshMinutes: number;
  /** Percent of the account's request rate the overview's own refreshes may use. */
  overviewShareOfLimit: number;
}

export type { Language } from '../main/core/language';

/** The settings as stored, and what they come to on this computer. */
export interface SettingsView extends Settings {
  /** The language in use: the setting, or the OS's first one we speak for system. */
  resolvedLanguage: Language;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type { LanguageSetting } from '../main/core/language';

/**
 * What main asks the window to do: a deep link or a second launch handed over
 * (`lookup`), or an application-menu item. Pushed as the `command` event;
 * commands that arrive before the page listens wait in main and are handed
 * over by `app:take-commands`.
 */
export type AppCommand =
  | { kind: 'lookup'; input: string }
  /** A kept copy, shown without asking any portal: a notification about a dialog of an account that is not the connected one. */
  | { kind: 'open-kept'; account: string; chatId: number }
  /** A deep link that was refused (not ours, malformed, an unknown account): said in the window, nothing else done. */
  | { kind: 'link-refused'; error: ErrorEnvelope }
  | { kind: 'focus-lookup' }
  | { kind: 'find-in-dialog' }
  | { kind: 'open-palette' }
  | { kind: 'open-settings' }
  | { kind: 'show-shortcuts' }
  | { kind: 'toggle-history' }
  | { kind: 'manage-portals' };

export { SETTING_LIMITS, WATCH_NOTIFY_SETTINGS, WATCH_WAIT_MINUTES, type NumericSetting, type WatchNotify, type WatchWait } from '../main/core/setting-limits';

/** What happened to the history database: files moved aside when it was opened. */
export interface HistoryStatus {
  recovered: { movedTo: string; reason: string }[];
}

/** Whether the connected portal answers now (asked while an offline copy is shown). */
export interface ReachabilityCheck {
  reachable: boolean;
  /** Why not, when it is not. */
  reason: ErrorEnvelope | null;
}

/** Which history entries to list: newest first, the current portal's unless `allAccounts`. */
export interface HistoryQuery {
  /** Entries of every portal, not only the connected one. */
  allAccounts?: boolean;
  outcome?: 'ok' | 'error';
  /** Only the entries the user pinned. */
  pinnedOnly?: boolean;
  /** Part of what was typed or sent, any case. */
  text?: string;
  /** Default 100. */
  limit?: number;
  /** The next page: entries older than this id. */
  beforeId?: number;
}

export interface SearchQuery {
  text: string;
  /** Dialogs of every portal, not only the connected one. */
  allAccounts?: boolean;
  /** Default 50. */
  limit?: number;
}

export interface LookupRequest {
  input: string;
  numberAs: NumberAs;
}

export interface RunLookupRequest extends LookupRequest {
  /** Chosen by the window: the lookup's progress events carry it, and cancelLookup takes it. */
  requestId?: string;
}

/** A running lookup's wait for the portal's limits, pushed by main each time it starts or grows. */
export interface LookupWait {
  /** rate-limit: queued behind the portal's request rate; retry: backing off after "too many requests"; operating-limit: waiting for the method's time budget. */
  reason: 'rate-limit' | 'retry' | 'operating-limit';
  /** The try that follows the wait, 1 for the first. */
  attempt: number;
  /** How long this wait is, from when main sent it; the window counts it down itself. */
  waitMs: number;
}

/** What main pushes about a lookup the window runs (by its `requestId`). */
export interface LookupProgress {
  requestId: string;
  /** The wait it is in now; null once the request is on its way. */
  waiting: LookupWait | null;
}

/** A watched dialog of an account: the connected one's unless named (the store's name: the portal's host, or "demo"). */
export interface WatchRequest {
  chatId: number;
  account?: string;
}

/** A watched dialog's own notification rules; null: it follows the watch list's. */
export interface WatchRulesRequest extends WatchRequest {
  rules: WatchRules | null;
}

/** The watch list of one account and how its background watch is doing (null when it is not running). */
export interface WatchList {
  account: string;
  rows: WatchedRow[];
  status: WatchStatus | null;
}

/**
 * A phantom of type T: lets one declaration carry a type beside its runtime
 * value (the channel), so that each operation and event is written once.
 */
// Free of side effects (the annotation tells the bundler so): the window, which
// takes a few helpers from this module but never the maps, does not carry them.
/* @__NO_SIDE_EFFECTS__ */
function type<T>(): T {
  return undefined as T;
}

/** An operation that takes no argument: its method sends none, whatever the page passes. */
export const NO_ARGUMENT = 'no-argument' as const;
/* @__NO_SIDE_EFFECTS__ */
function none(): void {
  return NO_ARGUMENT as unknown as void;
}

/**
 * Every operation of the bridge, declared once: its method on
 * `window.inspector`, its channel (`domain:action`), its argument and result.
 * The bridge's methods, main's handlers and the argument schemas are all
 * derived from this map and type-checked against it.
 */
export const OPERATIONS = {
  parseIdentifier: { channel: 'identifier:parse', args: type<LookupRequest>(), result: type<DialogQuery>() },
  /** Its waits are pushed as `lookupProgress` events under the request's id. */
  lookup: { channel: 'lookup:run', args: type<RunLookupRequest>(), result: type<LookupResult>() },
  /** Cancels a running lookup wherever it is (queued, waiting to retry, on the wire): it ends with CANCELLED. */
  cancelLookup: { channel: 'lookup:cancel', args: type<{ requestId: string }>(), result: type<{ cancelled: boolean }>() },
  getConnection: { channel: 'connection:get', args: none(), result: type<ConnectionState>() },
  /** Checks the webhook with the portal, saves it as an account (or updates its account) and switches to it. */
  useWebhook: { channel: 'connection:use-webhook', args: type<{ url: string; name?: string }>(), result: type<ConnectionState>() },
  useDemo: { channel: 'connection:use-demo', args: none(), result: type<ConnectionState>() },
  disconnect: { channel: 'connection:disconnect', args: none(), result: type<ConnectionState>() },
  /** Asks the connected portal a cheap question (scope) to learn whether it can be reached again. */
  probeConnection: { channel: 'connection:probe', args: none(), result: type<ReachabilityCheck>() },
  /** The saved accounts, never a secret. */
  listAccounts: { channel: 'accounts:list', args: none(), result: type<AccountSummary[]>() },
  /** Lookups go to this account from now on. */
  useAccount: { channel: 'accounts:use', args: type<{ id: string }>(), result: type<ConnectionState>() },
  renameAccount: { channel: 'accounts:rename', args: type<{ id: string; name: string }>(), result: type<AccountSummary[]>() },
  setAccountPlan: { channel: 'accounts:set-plan', args: type<{ id: string; plan: RatePlan }>(), result: type<AccountSummary[]>() },
  /** Forgets the account and its secrets; its history and kept dialogs stay. */
  removeAccount: { channel: 'accounts:remove', args: type<{ id: string }>(), result: type<ConnectionState>() },
  /** Starts a sign-in in the system browser; one at a time (a new one cancels the last). */
  beginSignIn: { channel: 'oauth:begin', args: type<OAuthBeginRequest>(), result: type<OAuthPending>() },
  /** Waits for the sign-in to finish (browser or paste), saves the account and switches to it. */
  finishSignIn: { channel: 'oauth:finish', args: none(), result: type<ConnectionState>() },
  /** The fallback: the code, or the whole address the browser was sent to. */
  pasteSignInCode: { channel: 'oauth:paste', args: type<{ text: string }>(), result: type<null>() },
  cancelSignIn: { channel: 'oauth:cancel', args: none(), result: type<null>() },
  getSettings: { channel: 'settings:get', args: none(), result: type<SettingsView>() },
  updateSettings: { channel: 'settings:update', args: type<Partial<Settings>>(), result: type<SettingsView>() },
  /** Opens a link to the connected portal (a CRM card) in the system browser. */
  openPortalLink: { channel: 'link:open-portal', args: type<{ url: string }>(), result: type<null>() },
  /** Opens a link from a message (any http(s) site, after the user confirmed the address) in the system browser. */
  openMessageLink: { channel: 'link:open-message', args: type<{ url: string }>(), result: type<null>() },
  copyText: { channel: 'clipboard:write-text', args: type<{ text: string }>(), result: type<null>() },
  listHistory: { channel: 'history:list', args: type<HistoryQuery>(), result: type<HistoryEntry[]>() },
  setHistoryPinned: { channel: 'history:set-pinned', args: type<{ id: number; pinned: boolean }>(), result: type<null>() },
  deleteHistoryEntry: { channel: 'history:delete', args: type<{ id: number }>(), result: type<null>() },
  /** Removes every unpinned entry: of the connected portal, or of all with `allAccounts`. */
  clearHistory: { channel: 'history:clear', args: type<{ allAccounts?: boolean }>(), result: type<{ removed: number }>() },
  /** Opens the database if needed and says what was moved aside doing so. */
  historyStatus: { channel: 'history:status', args: none(), result: type<HistoryStatus>() },
  /** Cached dialogs matching the text, best first, then those whose kept conversation says it (`message`); snippets mark matches with U+0002…U+0003. */
  searchDialogs: { channel: 'search:dialogs', args: type<SearchQuery>(), result: type<DialogSearchHit[]>() },
  /** The kept copy of a dialog, without asking the portal (source 'cache'). */
  openCachedDialog: { channel: 'cache:open', args: type<{ account: string; chatId: number }>(), result: type<LookupResult>() },
  /** Every session the store has seen for the chat on the connected account, newest first, and whether its transcript is kept. */
  listSessions: { channel: 'conversation:sessions', args: type<{ chatId: number }>(), result: type<SessionSummary[]>() },
  /** One session's transcript: asked of the connected portal and kept (`fromPortal`), or the kept copy (NOT_CACHED without one). */
  getConversation: { channel: 'conversation:get', args: type<{ chatId: number; sessionId: number; fromPortal: boolean }>(), result: type<Conversation>() },
  /** A pasted list → each identifier recognised or refused on its own, repeats dropped (at most 10,000). */
  splitIdentifiers: { channel: 'identifiers:split', args: type<{ text: string; numberAs: NumberAs }>(), result: type<IdentifierList>() },
  /** Looks up many identifiers through batch, 50 a request; rows pushed as bulkProgress, the whole run answered at its end. */
  runBulk: { channel: 'bulk:run', args: type<BulkRunRequest>(), result: type<BulkRunResult>() },
  /** Stops a bulk run: the rows answered by then are kept, the rest are not asked for. */
  cancelBulk: { channel: 'bulk:cancel', args: type<{ runId: string }>(), result: type<{ cancelled: boolean }>() },
  /** A bulk run kept in the history, its table as it ended (NOT_CACHED once its entry is gone). */
  openBulkRun: { channel: 'bulk:open', args: type<{ historyId: number }>(), result: type<BulkRunResult>() },
  /** Saves a bulk table, a dialog, the history or a transcript: main makes the file and asks where through the OS's save dialog. */
  saveExport: { channel: 'export:save', args: type<ExportRequest>(), result: type<ExportOutcome>() },
  /** A list of identifiers from a file the user picks in the OS's open dialog, read by main (at most 2 MB, UTF-8 text); null when the dialog is closed. */
  openList: { channel: 'list:open', args: none(), result: type<OpenedList | null>() },
  /** The open-line dialogs one row each, from the recent list, the session activities and the kept dialogs, with each source's availability; a newer call stops an older one. */
  getOverview: { channel: 'overview:get', args: type<OverviewRequest>(), result: type<OverviewResult>() },
  /** Stops the overview's refresh that runs, by hand or on schedule; what was shown stays. */
  cancelOverview: { channel: 'overview:cancel', args: none(), result: type<{ cancelled: boolean }>() },
  /** The overview's refresh schedule and budget as it is now; afterwards pushed as overviewSchedule. */
  getOverviewSchedule: { channel: 'overview:schedule', args: none(), result: type<OverviewSchedule>() },
  /** Puts a dialog on the watch list of an account (the connected one unless named): refreshed in the background from now on, its changes pushed as watchChange. Again keeps what was found. */
  watchDialog: { channel: 'watch:add', args: type<WatchRequest>(), result: type<WatchedRow>() },
  /** Takes it off the list; its kept copies stay. */
  unwatchDialog: { channel: 'watch:remove', args: type<WatchRequest>(), result: type<{ removed: boolean }>() },
  /** The account's watched dialogs (the connected one unless named), each with its kept copy in brief and its last change, and how its watch is doing. */
  listWatched: { channel: 'watch:list', args: type<{ account?: string }>(), result: type<WatchList>() },
  /** The user has seen a watched dialog's changes: its unseen count goes back to 0. */
  markWatchSeen: { channel: 'watch:mark-seen', args: type<WatchRequest>(), result: type<{ marked: boolean }>() },
  /** Commands main queued before the page was listening (a deep link at launch), oldest first; each handed over once. */
  takeCommands: { channel: 'app:take-commands', args: none(), result: type<AppCommand[]>() },
  /** Where main writes its log (to attach to a report); null when it writes none. */
  getLogFile: { channel: 'app:log-file', args: none(), result: type<{ file: string | null }>() },
  /** A kept dialog's timeline: its copies oldest first, each with what changed since the one before (NOT_CACHED when none is kept). */
  dialogTimeline: { channel: 'cache:timeline', args: type<{ account: string; chatId: number }>(), result: type<DialogTimeline>() },
  /** What changed between two kept copies of a dialog, named by when they were fetched (either order; NOT_CACHED when either is gone). */
  compareKept: { channel: 'cache:compare', args: type<{ account: string; chatId: number; from: string; to: string }>(), result: type<DialogChanges>() },
  /** Sets a watched dialog's own notification rules, or null to follow the watch list's (the settings); answers its row with the rules it follows now. */
  setWatchRules: { channel: 'watch:rules', args: type<WatchRulesRequest>(), result: type<WatchedRow>() },
} as const;

/**
 * Everything main pushes to the window, declared once: the event's name (the
 * bridge's subscription is `on` + its name), its channel and its payload. The
 * page only listens; it never sends on these.
 */
export const EVENTS = {
  /** A deep link, a second launch's lookup or a menu item (AppCommand). */
  command: { channel: 'app:command', payload: type<AppCommand>() },
  /** A running lookup started or stopped waiting for the portal's limits. */
  lookupProgress: { channel: 'lookup:progress', payload: type<LookupProgress>() },
  /** A bulk run answered more rows, or waits for the portal's limits. */
  bulkProgress: { channel: 'bulk:progress', payload: type<BulkProgress>() },
  /** The background watch found a watched dialog changed: once per change found. */
  watchChange: { channel: 'watch:change', payload: type<WatchChangeEvent>() },
  /** How an account's background watch is doing: its budget, its next request, paused or offline. */
  watchStatus: { channel: 'watch:status', payload: type<WatchStatus>() },
  /** The overview's schedule changed: refreshing (its requests so far), waiting for the next, off, or the portal not reached. */
  overviewSchedule: { channel: 'overview:schedule-changed', payload: type<OverviewSchedule>() },
  /** A refresh on schedule reached the portal: the new overview. */
  overviewRefreshed: { channel: 'overview:refreshed', payload: type<OverviewRefreshed>() },
} as const;

export type Operation = keyof typeof OPERATIONS;
export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = (typeof EVENTS)[E]['payload'];
/** How main pushes an event: the shell's webContents.send, checked against EVENTS. */
export type EventSender = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Channel → argument and result, derived from OPERATIONS: what main's handlers and schemas are checked against. */
export type IpcContract = {
  [O in Operation as (typeof OPERATIONS)[O]['channel']]: { args: (typeof OPERATIONS)[O]['args']; result: (typeof OPERATIONS)[O]['result'] };
};

export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = IpcContract[C]['args'];
export type ResultOf<C extends Channel> = IpcContract[C]['result'];

type Method<O extends Operation> = [(typeof OPERATIONS)[O]['args']] extends [void]
  ? () => Promise<Result<(typeof OPERATIONS)[O]['result']>>
  : (args: (typeof OPERATIONS)[O]['args']) => Promise<Result<(typeof OPERATIONS)[O]['result']>>;

/** `onCommand`, `onLookupProgress`…: each calls its listener with every payload from now on and returns the unsubscribe. */
export type Subscriptions = {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The one object the preload exposes on `window.inspector`: one named method per operation, one subscription per event. */
export type InspectorApi = { [O in Operation]: Method<O> } & Subscriptions;

/* @__NO_SIDE_EFFECTS__ */
function channelsOf(map: Record<string, { channel: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([name, { channel }]) => [name, channel]));
}

/** Which channel each method of the exposed API speaks on. */
export const API_CHANNELS = channelsOf(OPERATIONS) as {
  [O in Operation]: (typeof OPERATIONS)[O]['channel'];
};

/** Channels main sends on (webContents.send); the page only listens, through its `on…` subscriptions. */
export const EVENT_CHANNELS = channelsOf(EVENTS) as {
  [E in EventName]: (typeof EVENTS)[E]['channel'];
};

/** The subscription method of an event: `command` → `onCommand`. */
export function subscriptionName<E extends EventName>(event: E): `on${Capitalize<E>}` {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;
}

/** The global name the bridge is exposed under. */
export const API_GLOBAL = 'inspector';
