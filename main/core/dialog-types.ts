import type { ConversationOutcome } from './conversation-types';
import type { MainErrorEnvelope } from './error-envelope';

// The shapes a lookup produces. Plain data only: these objects cross IPC
// (structured clone) and are printed by the CLI, so no classes, no functions.

/** The raw `result` of imopenlines.dialog.get, as the portal sent it. */
export type RawDialog = Record<string, unknown>;

/** The `time` block Bitrix24 adds to every answer. */
export interface TimeBlock {
  start?: number;
  finish?: number;
  duration?: number;
  processing?: number;
  date_start?: string;
  date_finish?: string;
  operating?: number;
  operating_reset_at?: number;
  [key: string]: unknown;
}

/** `entity_id` / USER_CODE: `connector|lineId|connectorChatId|connectorUserId`. */
export interface DecodedEntityId {
  raw: string;
  /** false when the string does not have the documented four parts. */
  wellFormed: boolean;
  connectorId: string | null;
  /** A readable name for known connectors, else null (show the id). */
  connectorName: string | null;
  lineId: number | null;
  externalChatId: string | null;
  /** The client's Bitrix24 user id; 0 for connectors that group by chat. */
  clientUserId: number | null;
}

/** `entity_data_1`: the open-line session string. */
export interface DecodedSessionData {
  raw: string;
  /** full = 10 fields; legacy = the older 6-field form; empty = ""; partial = anything else. */
  form: 'full' | 'legacy' | 'empty' | 'partial';
  crmBound: boolean;
  /** LEAD, DEAL, CONTACT, COMPANY, or NONE. */
  crmEntityType: string;
  crmEntityId: number;
  pinned: boolean;
  waitingAction: boolean;
  sessionId: number | null;
  /** ISO 8601 UTC, from unix seconds; null when absent or 0. */
  sessionStart: string | null;
  /** Line id written into the session (0/absent → take it from entity_id). */
  lineId: number | null;
  /** ISO 8601 UTC, null when not blocked. */
  blockDate: string | null;
  blockReason: string | null;
  /** Positions beyond the documented ten, kept so nothing is dropped. */
  extra: string[];
}

export interface CrmBinding {
  /** LEAD, COMPANY, CONTACT, DEAL, or an unknown type kept as sent. */
  type: string;
  id: number;
  /** Absolute link to the portal's CRM card; null when id is 0 or the type is unknown. */
  url: string | null;
}

/** `entity_data_2`: the CRM bindings. */
export interface DecodedCrmBindings {
  raw: string;
  bindings: CrmBinding[];
}

/** `entity_data_3`: silent mode. */
export interface DecodedSilentMode {
  raw: string;
  /** true = Y, false = N, null = empty or unknown. */
  enabled: boolean | null;
}

/** The binding a lead looks for first: the session's primary one, else the first bound one. */
export interface PrimaryCrmBinding extends CrmBinding {
  /** "Lead 1209". */
  label: string;
}

export interface DecodedDialog {
  entity: DecodedEntityId | null;
  session: DecodedSessionData | null;
  crm: DecodedCrmBindings | null;
  silentMode: DecodedSilentMode | null;
  primaryCrm: PrimaryCrmBinding | null;
}

/**
 * The presentation model: every field of the answer, in sections, already
 * labelled and decoded. The renderer and the CLI both draw from this, so the
 * app and the terminal say the same thing.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'link' | 'null' | 'json';

export interface FieldRow {
  /** Stable path into the raw answer (`entity_data_1[5]`, `readed_list[0].user_name`) or a decoded key. */
  path: string;
  /** Human label ("Session id"). */
  label: string;
  /** The value as display text (dates as ISO; the edge formats them in local time). */
  value: string;
  kind: FieldKind;
  /** For kind 'link': the absolute URL. */
  href?: string;
  /** A short explanation ("Y = pinned to its operator"). */
  hint?: string;
  /** True for fields that depend on who is asking (counter, role, permissions…). */
  callerDependent?: boolean;
  /** For rows that name users (the responsible operator, managers, muted users): each, in the value's order, so the page can isolate each name. */
  people?: PersonRef[];
}

/** A user a row names: the id, and the name when one is known. */
export interface PersonRef {
  id: string;
  name: string | null;
}

export interface FieldSection {
  id: string;
  title: string;
  rows: FieldRow[];
}

/** Which identifier form a lookup used; the parameter sent to Bitrix24. */
export type IdentifierParam = 'CHAT_ID' | 'DIALOG_ID' | 'SESSION_ID' | 'USER_CODE';

export interface DialogQuery {
  param: IdentifierParam;
  /** The normalised value sent (number for CHAT_ID/SESSION_ID). */
  value: string | number;
  /** What the user typed, trimmed. */
  input: string;
  /** What it was recognised as, in words ("Dialog id chat1777"). */
  label: string;
  /**
   * The host of the Bitrix24 link it came from (lower case, with a port other
   * than the scheme's), absent for a typed identifier: a lookup compares it
   * with the connected portal's before asking anything (core/portal-host.ts).
   */
  linkHost?: string;
}

export interface PortalInfo {
  /** https origin of the portal, e.g. https://example.bitrix24.com */
  origin: string;
  host: string;
  demo: boolean;
}

export interface LookupResult {
  query: DialogQuery;
  portal: PortalInfo;
  dialog: RawDialog;
  time: TimeBlock | null;
  decoded: DecodedDialog;
  sections: FieldSection[];
  /** ISO 8601 when the answer arrived (for a cached copy: when that copy arrived). */
  fetchedAt: string;
  /** Wall time of the whole lookup, ms. */
  elapsedMs: number;
  /** Where this answer came from: the portal just now, or the offline cache. */
  source: 'network' | 'cache';
  /** Set when the portal could not be reached and a cached copy is shown instead: why. */
  offline: { reason: MainErrorEnvelope } | null;
  /** What changed since the previous lookup of this dialog; null when there was none (or offline). */
  changes: DialogChanges | null;
  /** Names of the users this dialog mentions (id → name): the answer's own, else the account's directory. */
  names: Record<string, string>;
  /**
   * The current session's transcript, fetched with the dialog (or kept with it); null when not
   * fetched (turned off in Settings, or the dialog has no session). Absent in older kept copies.
   */
  conversation?: ConversationOutcome | null;
  /** Set when users the dialog mentions stay unnamed because the account lacks this scope (im.user.list.get needs `im`). */
  namesNeedScope?: 'im';
  /** The dialog's line by name, when the portal's lines were read (imopenlines.config.list.get). */
  lineName?: string | null;
  /**
   * Set when this lookup could not be saved to history or the offline cache
   * (STORE_BUSY, STORE_DISK_FULL, STORE_NO_ACCESS, HISTORY_UNAVAILABLE): the
   * result itself is complete, but it was not remembered. Absent or null otherwise.
   */
  storeWarning?: MainErrorEnvelope | null;
  /**
   * The account's operating time for imopenlines.dialog.get, from this
   * answer's `time` block, against the documented 480 s per 10 minutes (an
   * estimate: the portal does not publish its real limit). Absent for a cached copy.
   */
  budget?: OperatingBudgetInfo | null;
}

export interface OperatingBudgetInfo {
  usedSeconds: number;
  /** The documented 480 s. */
  limitSeconds: number;
  /** ISO 8601, local: when the oldest counted minute stops counting; null when the portal did not say. */
  resetAt: string | null;
}

/** What a change is about, so a reader (the window, a rule, another tool) need not parse its words. */
export type ChangeKind =
  | 'session'
  | 'closed'
  | 'waiting'
  | 'clientWaiting'
  | 'pinned'
  | 'blocked'
  | 'silent'
  | 'owner'
  | 'crm'
  | 'renamed'
  | 'messages'
  | 'managers'
  | 'line'
  | 'field'
  | 'viewer';

/**
 * One change between two copies of a dialog (dialog-changes.ts). `key` is the
 * path in the answer (`owner`, `restrictions.send`, `entity_data_1[3]`,
 * `conversation.status`); `before`/`after` the values there (decoded for a
 * packed field's position; null when absent); `text` says it in the call's language.
 */
export interface DialogChange {
  key: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
  text: string;
}

export interface DialogChanges {
  /** When the previous copy was fetched (ISO 8601). */
  since: string;
  /** Every change of the dialog itself; empty when none. */
  changes: DialogChange[];
  /**
   * Values that depend on who asks (the caller's unread counter, read marks,
   * role, permissions): they differ, but are not the dialog's changes. Kind 'viewer'.
   */
  viewerDependent: DialogChange[];
}
