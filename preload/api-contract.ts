// The IPC contract, declared once. Types only: main, preload and renderer
// import it with `import type`, so "find references" on a channel shows every
// side of it. Runtime checks of the arguments live in main/api/argument-schemas.ts,
// which is type-checked against this file.

import type { AccountSummary, RatePlan } from '../main/accounts/account-types';
import type { DialogQuery, LookupResult, PortalInfo } from '../main/core/dialog-types';
import type { ErrorEnvelope } from '../main/core/error-envelope';
import type { Language } from '../main/core/language';
import type { DialogSearchHit, HistoryEntry } from '../main/store/types';

export type {
  CrmBinding,
  OperatingBudgetInfo,
  DecodedDialog,
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
export type { ErrorEnvelope } from '../main/core/error-envelope';
export type { AccountKind, AccountState, AccountSummary, RatePlan } from '../main/accounts/account-types';
export type { DialogSearchHit, HistoryEntry } from '../main/store/types';

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

/** Starts a sign-in with the user's own local application (brief §3b). */
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
}

export type { Language } from '../main/core/language';

/** The settings as stored, and what they come to on this computer. */
export interface SettingsView extends Settings {
  /** The language in use: the setting, or the OS's first one we speak for system. */
  resolvedLanguage: Language;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type LanguageSetting = 'system' | 'en' | 'ru';

/**
 * What main asks the window to do: a deep link or a second launch handed over
 * (`lookup`), or an application-menu item. Pushed on EVENT_CHANNELS.command;
 * commands that arrive before the page listens wait in main and are handed
 * over by `app:take-commands`.
 */
export type AppCommand =
  | { kind: 'lookup'; input: string }
  /** A deep link that was refused (not ours, malformed, an unknown account): said in the window, nothing else done. */
  | { kind: 'link-refused'; error: ErrorEnvelope }
  | { kind: 'focus-lookup' }
  | { kind: 'find-in-dialog' }
  | { kind: 'open-palette' }
  | { kind: 'open-settings' }
  | { kind: 'show-shortcuts' }
  | { kind: 'toggle-history' }
  | { kind: 'manage-portals' };

/** Channels main sends on (webContents.send); the page only listens, through `onCommand`. */
export const EVENT_CHANNELS = {
  command: 'app:command',
} as const;

/**
 * The accepted range of each numeric setting, checked by the settings screen
 * and again at the IPC boundary. The floors keep a slip of the keyboard from
 * wiping the history; the ceilings keep the database within what the
 * benchmark measures.
 */
export const SETTING_LIMITS = {
  historyMaxEntries: { min: 100, max: 1_000_000 },
  historyMaxAgeDays: { min: 1, max: 3_650 },
  snapshotsPerDialog: { min: 1, max: 100 },
  maxAnswerMb: { min: 1, max: 1_024 },
} as const satisfies Partial<Record<keyof Settings, { min: number; max: number }>>;

export type NumericSetting = keyof typeof SETTING_LIMITS;

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
  /** Chosen by the window, to ask how the lookup is doing and to cancel it. */
  requestId?: string;
}

/** How a running lookup is doing: is it waiting for the portal's limits, and for how much longer. */
export interface LookupProgress {
  /** False once it has finished (or for an id main does not know). */
  running: boolean;
  waiting: {
    /** rate-limit: queued behind the portal's request rate; retry: backing off after "too many requests"; operating-limit: waiting for the method's time budget. */
    reason: 'rate-limit' | 'retry' | 'operating-limit';
    /** The try that follows the wait, 1 for the first. */
    attempt: number;
    remainingMs: number;
    totalMs: number;
  } | null;
}

/** Channel → argument and result. Channel names are `domain:action`. */
export interface IpcContract {
  'identifier:parse': { args: LookupRequest; result: DialogQuery };
  'lookup:run': { args: RunLookupRequest; result: LookupResult };
  'lookup:progress': { args: { requestId: string }; result: LookupProgress };
  /** Cancels a running lookup wherever it is (queued, waiting to retry, on the wire): it ends with CANCELLED. */
  'lookup:cancel': { args: { requestId: string }; result: { cancelled: boolean } };
  'connection:get': { args: void; result: ConnectionState };
  /** Checks the webhook with the portal, saves it as an account (or updates its account) and switches to it. */
  'connection:use-webhook': { args: { url: string; name?: string }; result: ConnectionState };
  'connection:use-demo': { args: void; result: ConnectionState };
  'connection:disconnect': { args: void; result: ConnectionState };
  /** Asks the connected portal a cheap question (scope) to learn whether it can be reached again. */
  'connection:probe': { args: void; result: ReachabilityCheck };
  /** The saved accounts, never a secret. */
  'accounts:list': { args: void; result: AccountSummary[] };
  /** Lookups go to this account from now on. */
  'accounts:use': { args: { id: string }; result: ConnectionState };
  'accounts:rename': { args: { id: string; name: string }; result: AccountSummary[] };
  'accounts:set-plan': { args: { id: string; plan: RatePlan }; result: AccountSummary[] };
  /** Forgets the account and its secrets; its history and kept dialogs stay. */
  'accounts:remove': { args: { id: string }; result: ConnectionState };
  /** Starts a sign-in in the system browser; one at a time (a new one cancels the last). */
  'oauth:begin': { args: OAuthBeginRequest; result: OAuthPending };
  /** Waits for the sign-in to finish (browser or paste), saves the account and switches to it. */
  'oauth:finish': { args: void; result: ConnectionState };
  /** The fallback: the code, or the whole address the browser was sent to. */
  'oauth:paste': { args: { text: string }; result: null };
  'oauth:cancel': { args: void; result: null };
  'settings:get': { args: void; result: SettingsView };
  'settings:update': { args: Partial<Settings>; result: SettingsView };
  /** Opens a link to the connected portal (a CRM card) in the system browser. */
  'link:open-portal': { args: { url: string }; result: null };
  'clipboard:write-text': { args: { text: string }; result: null };
  'history:list': { args: HistoryQuery; result: HistoryEntry[] };
  'history:set-pinned': { args: { id: number; pinned: boolean }; result: null };
  'history:delete': { args: { id: number }; result: null };
  /** Removes every unpinned entry: of the connected portal, or of all with `allAccounts`. */
  'history:clear': { args: { allAccounts?: boolean }; result: { removed: number } };
  /** Opens the database if needed and says what was moved aside doing so. */
  'history:status': { args: void; result: HistoryStatus };
  /** Cached dialogs matching the text, best first; snippets mark matches with U+0002…U+0003. */
  'search:dialogs': { args: SearchQuery; result: DialogSearchHit[] };
  /** The kept copy of a dialog, without asking the portal (source 'cache'). */
  'cache:open': { args: { account: string; chatId: number }; result: LookupResult };
  /** Commands main queued before the page was listening (a deep link at launch), oldest first; each handed over once. */
  'app:take-commands': { args: void; result: AppCommand[] };
}

export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = IpcContract[C]['args'];
export type ResultOf<C extends Channel> = IpcContract[C]['result'];

/** The one object the preload exposes on `window.inspector`: one named method per operation. */
export interface InspectorApi {
  parseIdentifier(request: LookupRequest): Promise<Result<DialogQuery>>;
  lookup(request: RunLookupRequest): Promise<Result<LookupResult>>;
  lookupProgress(request: { requestId: string }): Promise<Result<LookupProgress>>;
  cancelLookup(request: { requestId: string }): Promise<Result<{ cancelled: boolean }>>;
  getConnection(): Promise<Result<ConnectionState>>;
  useWebhook(request: { url: string; name?: string }): Promise<Result<ConnectionState>>;
  useDemo(): Promise<Result<ConnectionState>>;
  disconnect(): Promise<Result<ConnectionState>>;
  probeConnection(): Promise<Result<ReachabilityCheck>>;
  listAccounts(): Promise<Result<AccountSummary[]>>;
  useAccount(request: { id: string }): Promise<Result<ConnectionState>>;
  renameAccount(request: { id: string; name: string }): Promise<Result<AccountSummary[]>>;
  setAccountPlan(request: { id: string; plan: RatePlan }): Promise<Result<AccountSummary[]>>;
  removeAccount(request: { id: string }): Promise<Result<ConnectionState>>;
  beginSignIn(request: OAuthBeginRequest): Promise<Result<OAuthPending>>;
  finishSignIn(): Promise<Result<ConnectionState>>;
  pasteSignInCode(request: { text: string }): Promise<Result<null>>;
  cancelSignIn(): Promise<Result<null>>;
  getSettings(): Promise<Result<SettingsView>>;
  updateSettings(patch: Partial<Settings>): Promise<Result<SettingsView>>;
  openPortalLink(request: { url: string }): Promise<Result<null>>;
  copyText(request: { text: string }): Promise<Result<null>>;
  listHistory(query: HistoryQuery): Promise<Result<HistoryEntry[]>>;
  setHistoryPinned(request: { id: number; pinned: boolean }): Promise<Result<null>>;
  deleteHistoryEntry(request: { id: number }): Promise<Result<null>>;
  clearHistory(request: { allAccounts?: boolean }): Promise<Result<{ removed: number }>>;
  historyStatus(): Promise<Result<HistoryStatus>>;
  searchDialogs(query: SearchQuery): Promise<Result<DialogSearchHit[]>>;
  openCachedDialog(request: { account: string; chatId: number }): Promise<Result<LookupResult>>;
  takeCommands(): Promise<Result<AppCommand[]>>;
  /** Calls `listener` with every command main pushes from now on; returns the unsubscribe. */
  onCommand(listener: (command: AppCommand) => void): () => void;
}

/** Which channel each method of the exposed API speaks on. */
export const API_CHANNELS = {
  parseIdentifier: 'identifier:parse',
  lookup: 'lookup:run',
  lookupProgress: 'lookup:progress',
  cancelLookup: 'lookup:cancel',
  getConnection: 'connection:get',
  useWebhook: 'connection:use-webhook',
  useDemo: 'connection:use-demo',
  disconnect: 'connection:disconnect',
  probeConnection: 'connection:probe',
  listAccounts: 'accounts:list',
  useAccount: 'accounts:use',
  renameAccount: 'accounts:rename',
  setAccountPlan: 'accounts:set-plan',
  removeAccount: 'accounts:remove',
  beginSignIn: 'oauth:begin',
  finishSignIn: 'oauth:finish',
  pasteSignInCode: 'oauth:paste',
  cancelSignIn: 'oauth:cancel',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  openPortalLink: 'link:open-portal',
  copyText: 'clipboard:write-text',
  listHistory: 'history:list',
  setHistoryPinned: 'history:set-pinned',
  deleteHistoryEntry: 'history:delete',
  clearHistory: 'history:clear',
  historyStatus: 'history:status',
  searchDialogs: 'search:dialogs',
  openCachedDialog: 'cache:open',
  takeCommands: 'app:take-commands',
} as const satisfies Record<Exclude<keyof InspectorApi, 'onCommand'>, Channel>;

/** The global name the bridge is exposed under. */
export const API_GLOBAL = 'inspector';
