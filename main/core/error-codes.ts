// Every failure a lookup can meet, each with one stable code, a sentence that
// says what happened and one that says what to do. Codes that come from
// Bitrix24 keep Bitrix24's spelling, so a support lead can search for them;
// codes we add are ours and never collide with theirs.
//
// Branch on the code, never on the HTTP status: 503 means both "retry"
// (QUERY_LIMIT_EXCEEDED) and "never retry" (OVERLOAD_LIMIT).
//
// The words live in the message catalogue (messages/en/errors.ts and its
// translations); only the codes and whether they are worth retrying live here.
import type { ErrorEnvelope } from './error-envelope';
import { messages, type Messages } from './messages/index';

export type { ErrorEnvelope } from './error-envelope';

/** What a code's texts are: the words come from the catalogue of the language in use. */
interface CatalogueEntry {
  readonly title: string;
  readonly message: string;
  readonly action: string;
  readonly retryable: boolean;
}

/** Codes Bitrix24 documents for imopenlines.dialog.get and for every REST method (https://apidocs.bitrix24.com/error-codes.html). */
const PORTAL_CODES = {
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
} as const satisfies Record<string, { retryable: boolean }>;

/** Codes this app adds for what happens around Bitrix24. */
const APP_CODES = {
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
  // An OAuth application granted without imopenlines (a webhook without it is Bitrix24's insufficient_scope).
  APPLICATION_SCOPE_MISSING: { retryable: false },
  NOT_CACHED: { retryable: false },
  OFFLINE_BY_CHOICE: { retryable: false },
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

/**
 * Each code's entry, its texts read from `messages()` whenever they are read,
 * so that the same table answers in the language of the call in progress.
 */
function worded<C extends ErrorCode>(codes: Record<C, { retryable: boolean }>): Record<C, CatalogueEntry> {
  const table = {} as Record<C, CatalogueEntry>;
  for (const code of Object.keys(codes) as C[]) {
    const texts = () => messages().errors.codes[code];
    table[code] = {
      retryable: codes[code].retryable,
      get title() {
        return texts().title;
      },
      get message() {
        return texts().message;
      },
      get action() {
        return texts().action;
      },
    };
  }
  return table;
}

export type PortalErrorCode = keyof typeof PORTAL_CODES;
export type AppErrorCode = keyof typeof APP_CODES;
export type ErrorCode = PortalErrorCode | AppErrorCode;

// A text without its code would be a typo nobody sees: every worded code must be a code.
type WordedOnly = Exclude<keyof Messages['errors']['codes'], ErrorCode>;
const everyTextHasItsCode: [WordedOnly] extends [never] ? true : WordedOnly = true;
void everyTextHasItsCode;

export const PORTAL_ERRORS = worded(PORTAL_CODES);
export const APP_ERRORS = worded(APP_CODES);

const CATALOGUE: Record<string, CatalogueEntry> = { ...PORTAL_ERRORS, ...APP_ERRORS };

export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(CATALOGUE, code);
}

/** An error that already knows its envelope. Thrown inside main; only the envelope crosses IPC. */
export class InspectorError extends Error {
  readonly envelope: ErrorEnvelope;
  constructor(envelope: ErrorEnvelope, options?: { cause?: unknown }) {
    super(`${envelope.code}: ${envelope.message}`, options);
    this.name = 'InspectorError';
    this.envelope = envelope;
  }
}

interface EnvelopeExtras {
  status?: number;
  portalDescription?: string;
  /** Replaces the catalogue's message when the situation is more specific. */
  message?: string;
  action?: string;
}

/** Builds the envelope for a code; an unknown portal code becomes PORTAL_ERROR carrying it. */
export function errorEnvelope(code: string, extras: EnvelopeExtras = {}): ErrorEnvelope {
  const entry = isKnownErrorCode(code) ? CATALOGUE[code]! : APP_ERRORS.PORTAL_ERROR;
  const envelope: ErrorEnvelope = {
    code,
    title: entry.title,
    message: extras.message ?? entry.message,
    action: extras.action ?? entry.action,
    retryable: entry.retryable,
  };
  if (extras.status !== undefined) envelope.status = extras.status;
  if (extras.portalDescription) envelope.portalDescription = extras.portalDescription;
  return envelope;
}

export function inspectorError(code: ErrorCode, extras?: EnvelopeExtras, cause?: unknown): InspectorError {
  return new InspectorError(errorEnvelope(code, extras), { cause });
}

/** `text` with every non-empty secret in it replaced by •••. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((scrubbed, secret) => (secret ? scrubbed.split(secret).join('•••') : scrubbed), text);
}

/**
 * The same error, minus any secret that found its way into its words: a
 * portal or a sign-in server may echo what it was sent in its description.
 */
export function withoutSecrets(error: InspectorError, secrets: readonly string[]): InspectorError {
  const { message, portalDescription } = error.envelope;
  const cleanMessage = scrubSecrets(message, secrets);
  const cleanDescription = portalDescription === undefined ? undefined : scrubSecrets(portalDescription, secrets);
  if (cleanMessage === message && cleanDescription === portalDescription) return error;
  const envelope: ErrorEnvelope = { ...error.envelope, message: cleanMessage };
  if (cleanDescription !== undefined) envelope.portalDescription = cleanDescription;
  return new InspectorError(envelope, { cause: error.cause });
}

/** Anything thrown → an envelope; unknown throwables never leak their text (it may hold a secret). */
export function toEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof InspectorError) return error.envelope;
  return errorEnvelope('INTERNAL');
}
