// Errors the store raises on purpose, with a code the app can map to words.
// SQLite's own errors (SQLITE_BUSY, SQLITE_FULL…) pass through as they are.

export type StoreErrorCode =
  /** The file was written by a newer app: opening it could lose data, so it is left alone. */
  | 'STORE_TOO_NEW'
  /** A dialog without a usable chat id cannot be cached: every lookup key hangs off it. */
  | 'STORE_NO_CHAT_ID'
  | 'STORE_BAD_ARGUMENT'
  | 'STORE_CLOSED';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
