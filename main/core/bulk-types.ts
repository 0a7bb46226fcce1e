// A bulk run: many identifiers looked up together through `batch` (up to 50
// dialogs a request, one slot of the rate limit each), one row per identifier
// answered by its own dialog or its own error. Plain data that crosses IPC.
import type { DialogQuery } from './dialog-types';
import type { MainErrorEnvelope } from './error-envelope';

/** One identifier of a pasted list, recognised or refused on its own. */
export type ListedIdentifier = { input: string; query: DialogQuery } | { input: string; error: MainErrorEnvelope };

export interface IdentifierList {
  /** In the order pasted, repeats removed (the first kept). */
  items: ListedIdentifier[];
  /** How many repeats were dropped. */
  repeats: number;
}

/** What a lead reads of a dialog in one row. */
export interface BulkDialogSummary {
  chatId: number;
  dialogId: string | null;
  name: string;
  /** "Live chat (website widget)", or the connector id when unknown. */
  channel: string | null;
  lineId: number | null;
  /** The line's name, when the portal's lines were read. */
  lineName: string | null;
  /** The responsible operator's user id, and their name where one is known. */
  operatorId: string | null;
  operatorName: string | null;
  /** The client's connector user id (entity_id part 4), 0 for group chats. */
  clientUserId: number | null;
  /** "Lead 1209". */
  crm: string | null;
  sessionId: number | null;
  /** ISO 8601. */
  sessionStart: string | null;
  pinned: boolean;
  silent: boolean;
  blocked: boolean;
}

export type BulkRowOutcome =
  /** Fresh from the portal. */
  | 'found'
  /** The portal could not be reached for it; the copy kept on this computer stands in. */
  | 'kept'
  | 'failed';

export interface BulkRow {
  /** Position in the run's list, from 0. */
  index: number;
  input: string;
  outcome: BulkRowOutcome;
  dialog: BulkDialogSummary | null;
  /** Why it failed, or (for 'kept') why the portal's answer is not shown. */
  error: MainErrorEnvelope | null;
  /** ISO 8601: when the row's dialog was fetched (for 'kept', when the copy was). */
  fetchedAt: string | null;
}

export interface BulkRunRequest {
  inputs: string[];
  numberAs: 'chat' | 'session';
  /** Names the run for progress events and for cancelling it. */
  runId: string;
}

/** Pushed as the run goes: rows answered since the last event, and where it stands. */
export interface BulkProgress {
  runId: string;
  done: number;
  total: number;
  rows: BulkRow[];
  /** Identifiers answered per second so far; null before the first answer. */
  perSecond: number | null;
  /** Estimated milliseconds left; null when not yet known. */
  remainingMs: number | null;
  /** Set while the run waits for the portal's limits. */
  waitingMs: number | null;
}

export interface BulkRunResult {
  runId: string;
  rows: BulkRow[];
  /** True when the user stopped it: the rows answered by then are kept. */
  cancelled: boolean;
  found: number;
  kept: number;
  failed: number;
  elapsedMs: number;
}
