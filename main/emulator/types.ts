// The emulator's public shapes. Kept apart from index.ts so the inner modules
// can share them without importing the server.
import type { RawDialog } from '../core/dialog-types';

export interface EmulatorWebhook {
  userId: number;
  key: string;
  scopes: string[];
}

export interface EmulatedDialog {
  /** What imopenlines.dialog.get returns as `result` (includes dialog_id). */
  dialog: RawDialog;
  /** Every session id that maps to this chat: the current one (entity_data_1[5]) and older ones. */
  sessionIds: number[];
  /** Webhook users who get ACCESS_ERROR for this dialog, as if they lacked Open Channels rights. */
  deniedUserIds?: number[];
}

export interface EmulatorOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Per emulator instance (one portal). Default {burst: 50, drainPerSecond: 2}; false disables it. */
  rateLimit?: { burst: number; drainPerSecond: number } | false;
  /**
   * Per method per webhook in a rolling 10 minutes; default 480. A call that finds the
   * accumulated time at or above the limit is refused, so a limit of N allows N / cost calls.
   */
  operatingLimitSeconds?: number;
  /** Execution seconds charged per call; default 0.05. Fixed, so tests are deterministic. */
  operatingCostSeconds?: number;
  /** Default: [DEMO_WEBHOOK]. */
  webhooks?: EmulatorWebhook[];
  /** Default: demoDataset(). */
  dialogs?: EmulatedDialog[];
  /** Artificial delay per request; default 0. */
  latencyMs?: number;
  /** Default true; false makes every imopenlines.dialog.get answer IM_NOT_INSTALLED. */
  imInstalled?: boolean;
  /** Default true: tests read `requests`. The app's demo portal turns it off, so a long session does not grow it. */
  recordRequests?: boolean;
}

export type EmulatorFault =
  | { kind: 'error'; code: string; status?: number; description?: string }
  | { kind: 'html'; status?: number }
  | { kind: 'empty'; status?: number }
  | { kind: 'truncated' }
  | { kind: 'json-not-bitrix' }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface EmulatorRequest {
  /** Lower-cased, without `.json`. */
  method: string;
  params: Record<string, unknown>;
  /** The authenticated webhook's user; null when authentication failed. */
  userId: number | null;
  /** HTTP status sent; 0 when no answer was sent (hang, reset). */
  status: number;
}

export interface Emulator {
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  /** PEM of the self-signed certificate, for clients to trust. */
  readonly certificate: string;
  /** https://127.0.0.1:<port>/rest/<userId>/<key>/ (defaults to the first webhook). */
  webhookUrl(webhook?: EmulatorWebhook): string;
  /** Applies to the next `times` (default 1) matching requests, after authentication. */
  injectFault(fault: EmulatorFault, options?: { times?: number; method?: string }): void;
  clearFaults(): void;
  /**
   * Changes a dialog from now on, as a living portal would (operator transfer,
   * new session, new messages); `newSessionId` also maps that session to it.
   * Throws for an unknown chat id.
   */
  updateDialog(chatId: number, patch: Record<string, unknown>, options?: { newSessionId?: number }): void;
  /** Every call under /rest/, in the order answered; hang and reset are logged (status 0) when they fire. */
  readonly requests: readonly EmulatorRequest[];
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}
