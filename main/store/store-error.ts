// Errors the store raises, with a code the app can map to words. SQLite's own
// errors that the user can do something about (a lock held by another program,
// a full disk, a file they may not open) are translated into one of these by
// storeErrorFrom() in sqlite.ts; the rest pass through as they are.
import { errorEnvelope, InspectorError } from '../core/error-codes';

export type StoreErrorCode =
  /** The file was written by a newer app: opening it could lose data, so it is left alone. */
  | 'STORE_TOO_NEW'
  /** A dialog without a usable chat id cannot be cached: every lookup key hangs off it. */
  | 'STORE_NO_CHAT_ID'
  | 'STORE_BAD_ARGUMENT'
  | 'STORE_CLOSED'
  /** Another process held the file's lock for longer than the busy timeout. Passes by itself. */
  | 'STORE_BUSY'
  /** SQLITE_FULL or ENOSPC: nothing of the failed call was written. Passes once space is freed. */
  | 'STORE_DISK_FULL'
  /** The OS refused to open or write the file (permissions, a read-only disk). */
  | 'STORE_NO_ACCESS';

/** Codes with words of their own in the error catalogue; any other store error is a bug to the user (INTERNAL). */
const TOLD_TO_USER = ['STORE_BUSY', 'STORE_DISK_FULL', 'STORE_NO_ACCESS'] as const satisfies readonly StoreErrorCode[];

function toldToUser(code: StoreErrorCode): code is (typeof TOLD_TO_USER)[number] {
  return (TOLD_TO_USER as readonly StoreErrorCode[]).includes(code);
}

/** True for failures that come from the file's surroundings and pass by themselves (lock, disk, permissions). */
export function isPassingStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError && toldToUser(error.code);
}

/**
 * An InspectorError, so that anything which turns errors into envelopes (the
 * IPC dispatcher, the CLI) shows STORE_BUSY as STORE_BUSY, not as "something
 * went wrong". `message` stays the store's own, more precise text.
 */
export class StoreError extends InspectorError {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(errorEnvelope(toldToUser(code) ? code : 'INTERNAL'), options);
    this.name = 'StoreError';
    this.message = message;
    this.code = code;
  }
}
