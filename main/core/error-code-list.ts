// Every error code there is, and whether trying again can help: plain data
// that imports nothing, so the contract and the page can name an ErrorCode
// (the words are in the message catalogue, read through error-codes.ts).
//
// Codes that come from Bitrix24 keep Bitrix24's spelling, so a support lead
// can search for them; codes we add are ours and never collide with theirs.
// A code the portal sends that is in neither list arrives as PORTAL_ERROR,
// with the portal's own spelling in `portalCode`.

/** Codes Bitrix24 documents for imopenlines.dialog.get and for every REST method (https://apidocs.bitrix24.com/error-codes.html). */
export const PORTAL_CODES = {
  ACCESS_ERROR: { retryable: false },
  IM_NOT_INSTALLED: { retryable: false },
  INTERNAL_SERVER_ERROR: { retryable: true },
  ERROR_UNEXPECTED_ANSWER: { retryable: true },
  QUERY_LIMIT_EXCEEDED: { retryable: true },
  ERROR_BATCH_METHOD_NOT_ALLOWED: { retryable: false },
  ERROR_BATCH_LENGTH_EXCEEDED: { retryable: false },
  NO_AUTH_FOUND: { retryable: false },
  INVALID_REQUEST: { retryable: false },
  OVERLOAD_LIMIT: { retryable: false },
  ACCESS_DENIED: { retryable: false },
  INVALID_CREDENTIALS: { retryable: false },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: { retryable: false },
  insufficient_scope: { retryable: false },
  expired_token: { retryable: false },
  invalid_token: { retryable: false },
  user_access_error: { retryable: false },
  PORTAL_DELETED: { retryable: false },
  OPERATION_TIME_LIMIT: { retryable: true },
  // imopenlines.session.history.get (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/sessions/imopenlines-session-history-get.html).
  INVALID_SESSION_ID: { retryable: false },
  MISSING_REQUIRED_PARAM: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

/** Codes this app adds for what happens around Bitrix24. */
export const APP_CODES = {
  INVALID_IDENTIFIER: { retryable: false },
  INVALID_WEBHOOK_URL: { retryable: false },
  NOT_CONNECTED: { retryable: false },
  PORTAL_UNREACHABLE: { retryable: true },
  TLS_ERROR: { retryable: false },
  TIMEOUT: { retryable: true },
  // The user stopped a request (queued, waiting for a limit, or on the wire): not a failure of the portal.
  CANCELLED: { retryable: true },
  CONNECTION_RESET: { retryable: true },
  NOT_BITRIX_JSON: { retryable: true },
  EMPTY_RESPONSE: { retryable: true },
  TRUNCATED_RESPONSE: { retryable: true },
  UNEXPECTED_SHAPE: { retryable: false },
  // The network is hostile (docs/security.md, "The network"): answers we refuse to read or to keep.
  REDIRECT_REFUSED: { retryable: false },
  ANSWER_TOO_LARGE: { retryable: false },
  ANSWER_TOO_DEEP: { retryable: false },
  FOREIGN_ANSWER: { retryable: true },
  MALFORMED_ERROR: { retryable: true },
  PORTAL_ERROR: { retryable: false },
  INVALID_ARGUMENT: { retryable: false },
  // A deep link that was not one of ours, or asked for an account there is no such of.
  LINK_REFUSED: { retryable: false },
  // A pasted Bitrix24 link to another portal than the connected one: the same id there is another dialog.
  LINK_OTHER_PORTAL: { retryable: false },
  // An OAuth application granted without imopenlines (a webhook without it is Bitrix24's insufficient_scope).
  APPLICATION_SCOPE_MISSING: { retryable: false },
  NOT_CACHED: { retryable: false },
  OFFLINE_BY_CHOICE: { retryable: false },
  // A file the user chose to save could not be written (no access, disk full, the folder gone).
  FILE_NOT_SAVED: { retryable: true },
  // A list the user opened could not be taken as one (too large, not text, not UTF-8, unreadable).
  FILE_NOT_READ: { retryable: false },
  HISTORY_UNAVAILABLE: { retryable: true },
  // The history database failing after it opened, or at open for a reason
  // that passes by itself: lookups go on, the user is told what was not saved.
  STORE_BUSY: { retryable: true },
  STORE_DISK_FULL: { retryable: true },
  STORE_NO_ACCESS: { retryable: true },
  DEMO_UNAVAILABLE: { retryable: true },
  // OAuth 2.0 with the customer's own local application (https://apidocs.bitrix24.com/settings/oauth/index.html). "Sign-in
  // server" is oauth.bitrix.info, or whatever the account was configured with.
  INVALID_PORTAL_URL: { retryable: false },
  OAUTH_INVALID_SERVER: { retryable: false },
  OAUTH_INVALID_CLIENT: { retryable: false },
  OAUTH_SIGN_IN_AGAIN: { retryable: false },
  OAUTH_STATE_MISMATCH: { retryable: false },
  OAUTH_DENIED: { retryable: false },
  OAUTH_PASTE_NOT_RECOGNISED: { retryable: false },
  OAUTH_PORT_IN_USE: { retryable: true },
  OAUTH_TIMEOUT: { retryable: true },
  OAUTH_CANCELLED: { retryable: true },
  OAUTH_REFUSED: { retryable: false },
  OAUTH_BAD_ANSWER: { retryable: true },
  OAUTH_TOKENS_NOT_SAVED: { retryable: true },
  // Accounts: the portals a user has connected.
  ACCOUNT_NOT_FOUND: { retryable: false },
  ACCOUNT_NAME_TAKEN: { retryable: false },
  ACCOUNT_NAME_INVALID: { retryable: false },
  ACCOUNT_SECRETS_UNREADABLE: { retryable: false },
  ACCOUNT_SECRETS_FORGOTTEN: { retryable: false },
  INTERNAL: { retryable: true },
} as const satisfies Record<string, { retryable: boolean }>;

export type PortalErrorCode = keyof typeof PORTAL_CODES;
export type AppErrorCode = keyof typeof APP_CODES;
/** Codes main words in its catalogue. */
export type CataloguedCode = PortalErrorCode | AppErrorCode;
/** The window's own, for when it cannot ask main at all (it then has its own words). */
export type WindowErrorCode = 'BRIDGE_MISSING';
export type ErrorCode = CataloguedCode | WindowErrorCode;
