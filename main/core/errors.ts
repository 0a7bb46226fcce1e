// Every failure a lookup can meet, each with one stable code, a sentence that
// says what happened and one that says what to do. Codes that come from
// Bitrix24 keep Bitrix24's spelling, so a support lead can search for them;
// codes we add are ours and never collide with theirs.
//
// Branch on the code, never on the HTTP status: 503 means both "retry"
// (QUERY_LIMIT_EXCEEDED) and "never retry" (OVERLOAD_LIMIT).

/** The plain envelope that crosses IPC and is printed by the CLI. */
export interface ErrorEnvelope {
  code: string;
  /** Short heading ("No access to this dialog"). */
  title: string;
  /** What happened, in plain language. */
  message: string;
  /** What to do about it. */
  action: string;
  /** Whether trying the same thing again later can succeed. */
  retryable: boolean;
  /** HTTP status, when an answer came back. Informational only. */
  status?: number;
  /** The portal's own error_description, when it sent one (never shown raw as the message). */
  portalDescription?: string;
}

interface CatalogueEntry {
  title: string;
  message: string;
  action: string;
  retryable: boolean;
}

const ACCEPTED_FORMS =
  'a chat id (1777), a dialog id (chat1777), a session id (choose "session" for bare numbers) or a user code (livechat|1|1373|211)';

/** Codes Bitrix24 documents for imopenlines.dialog.get and for every REST method (brief §2). */
export const PORTAL_ERRORS = {
  ACCESS_ERROR: {
    title: 'Dialog not found or no access',
    message:
      'Bitrix24 did not return this dialog. It answers the same way when the dialog does not exist, when the identifier points to something that is not an open-line dialog, and when your account may not open it.',
    action:
      'Check the identifier (and the chat/session choice for a bare number). If it is right, ask your Bitrix24 administrator for Open Channels access to this dialog, or use a webhook of a user who has it.',
    retryable: false,
  },
  IM_NOT_INSTALLED: {
    title: 'Messenger is not installed',
    message: 'The portal answered that its Messenger (im) module is not installed, so open-line dialogs cannot be read.',
    action: 'Ask your Bitrix24 administrator to install the Messenger module, or check that you connected the right portal.',
    retryable: false,
  },
  INTERNAL_SERVER_ERROR: {
    title: 'Bitrix24 internal error',
    message: 'The portal reported an internal server error while handling the request.',
    action: 'Try again in a minute. If it keeps happening, contact Bitrix24 support or your server administrator.',
    retryable: true,
  },
  ERROR_UNEXPECTED_ANSWER: {
    title: 'Bitrix24 returned an unexpected response',
    message: 'The portal reported that it produced an unexpected response internally.',
    action: 'Try again in a minute. If it keeps happening, contact Bitrix24 support or your server administrator.',
    retryable: true,
  },
  QUERY_LIMIT_EXCEEDED: {
    title: 'Too many requests',
    message: "The portal's request rate limit was exceeded (2 requests a second with a burst of 50 on most plans).",
    action: 'Wait a few seconds and try again. Other apps or scripts using the same portal from your network share this limit.',
    retryable: true,
  },
  ERROR_BATCH_METHOD_NOT_ALLOWED: {
    title: 'Method not allowed in a batch',
    message: 'The portal refused to run this method inside a batch request.',
    action: 'This is a bug in Open Lines Inspector: please report it. A single lookup still works.',
    retryable: false,
  },
  ERROR_BATCH_LENGTH_EXCEEDED: {
    title: 'Batch too long',
    message: 'The portal refused a batch request with more than 50 commands or too long parameters.',
    action: 'This is a bug in Open Lines Inspector: please report it. Look up fewer dialogs at once meanwhile.',
    retryable: false,
  },
  NO_AUTH_FOUND: {
    title: 'Webhook or token not accepted',
    message: 'The portal did not accept the credentials: the webhook key is wrong, was regenerated, expired, or was deleted.',
    action: 'In your portal open Applications → Developer resources → Other → Inbound webhook, copy the webhook URL again and reconnect.',
    retryable: false,
  },
  INVALID_REQUEST: {
    title: 'HTTPS required',
    message: 'The portal refused the request because REST methods must be called over HTTPS.',
    action: 'Use the https:// address of your portal in the webhook URL.',
    retryable: false,
  },
  OVERLOAD_LIMIT: {
    title: 'REST API blocked for this portal',
    message: 'Bitrix24 support has blocked REST API access for this portal because of overload. This block is manual and does not lift by itself.',
    action: 'Contact Bitrix24 technical support to remove the block. Retrying will not help.',
    retryable: false,
  },
  ACCESS_DENIED: {
    title: 'REST API not available on this plan',
    message: 'The portal answered that the REST API is available only on commercial plans.',
    action: "Ask your Bitrix24 administrator about the portal's plan.",
    retryable: false,
  },
  INVALID_CREDENTIALS: {
    title: 'The webhook user lacks permissions',
    message: 'The user who owns the webhook or token does not have the permissions this request needs.',
    action: 'Use a webhook created by a user with Open Channels access, or ask your administrator to grant it.',
    retryable: false,
  },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: {
    title: 'Manifest not available',
    message: 'The portal answered that the requested manifest is not available.',
    action: 'Check that you connected the right portal. If it persists, contact Bitrix24 support.',
    retryable: false,
  },
  insufficient_scope: {
    title: 'Webhook lacks the imopenlines scope',
    message: 'The webhook was created without the permissions (scope) needed to read open-line dialogs.',
    action: 'In your portal open Applications → Developer resources → Other → Inbound webhook, tick the "imopenlines" scope (Open Channels), save, and reconnect.',
    retryable: false,
  },
  expired_token: {
    title: 'Access token expired',
    message: 'Bitrix24 answered that the access token has expired (this happens with application tokens, not with webhooks).',
    action: 'Reconnect to the portal: paste the inbound webhook URL again.',
    retryable: false,
  },
  invalid_token: {
    title: 'Access token invalid',
    message: 'The portal did not recognise the access token.',
    action: 'Reconnect to the portal: paste the inbound webhook URL again.',
    retryable: false,
  },
  user_access_error: {
    title: 'No access to the application',
    message: 'The application is installed on the portal, but the administrator allowed it only for certain users, and you are not one of them.',
    action: 'Ask your Bitrix24 administrator to give you access to the application.',
    retryable: false,
  },
  PORTAL_DELETED: {
    title: 'Portal unavailable',
    message: 'The portal answered that it was deleted, or (on-premise) that its public part is temporarily closed.',
    action: 'Check the portal address. On-premise administrators: disable "Temporary closure of the public part of the site" in the Main module settings.',
    retryable: false,
  },
  OPERATION_TIME_LIMIT: {
    title: 'Method time limit reached',
    message: 'This webhook used up its execution-time budget for imopenlines.dialog.get in the last 10 minutes, so the portal blocks the method for a while.',
    action: 'Wait until the budget frees up (at most 10 minutes), then try again. Other methods keep working.',
    retryable: true,
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Codes this app adds for what happens around Bitrix24. */
export const APP_ERRORS = {
  INVALID_IDENTIFIER: {
    title: 'Not a dialog identifier',
    message: 'That text is not an identifier of an open-line dialog.',
    action: `Paste ${ACCEPTED_FORMS}.`,
    retryable: false,
  },
  INVALID_WEBHOOK_URL: {
    title: 'Not an inbound webhook URL',
    message: 'That text is not a Bitrix24 inbound webhook URL.',
    action: 'Copy the URL from Applications → Developer resources → Other → Inbound webhook in your portal. It looks like https://your-portal.bitrix24.com/rest/1/abc123xyz/.',
    retryable: false,
  },
  NOT_CONNECTED: {
    title: 'No portal connected',
    message: 'There is no Bitrix24 portal to ask yet.',
    action: 'Connect with an inbound webhook URL, or open the demo portal to try the app without an account.',
    retryable: false,
  },
  PORTAL_UNREACHABLE: {
    title: 'Portal unreachable',
    message: 'Could not connect to the portal: the address does not resolve, or nothing answers there.',
    action: 'Check your network connection and the portal address in the webhook URL, then try again.',
    retryable: true,
  },
  TLS_ERROR: {
    title: 'Secure connection failed',
    message: "The portal's HTTPS certificate could not be verified, so the connection was stopped before anything was sent.",
    action: 'Check the portal address. If your portal uses a private certificate authority, start the app with NODE_EXTRA_CA_CERTS pointing to its certificate.',
    retryable: false,
  },
  TIMEOUT: {
    title: 'The portal did not answer in time',
    message: 'The portal took too long to answer and the request was stopped.',
    action: 'Try again. If the portal is slow for everyone, check its status with your administrator.',
    retryable: true,
  },
  // The user stopped a request (queued, waiting for a limit, or on the wire): not a failure of the portal.
  CANCELLED: {
    title: 'Request cancelled',
    message: 'The request was cancelled before the portal answered.',
    action: 'Run it again when you are ready.',
    retryable: true,
  },
  CONNECTION_RESET: {
    title: 'Connection dropped',
    message: 'The connection to the portal closed before a full answer arrived.',
    action: 'Try again. A proxy or firewall between you and the portal may be cutting connections.',
    retryable: true,
  },
  NOT_BITRIX_JSON: {
    title: 'Not a Bitrix24 answer',
    message: 'The address answered with something that is not a Bitrix24 REST answer (for example an HTML page from a proxy, a login page or a maintenance page).',
    action: 'Check the webhook URL, and whether a proxy or captive portal sits between you and Bitrix24.',
    retryable: true,
  },
  EMPTY_RESPONSE: {
    title: 'Empty answer',
    message: 'The portal answered with an empty body.',
    action: 'Try again. If it keeps happening, the portal or a proxy in between is misbehaving.',
    retryable: true,
  },
  TRUNCATED_RESPONSE: {
    title: 'Incomplete answer',
    message: 'The answer from the portal was cut off before it ended, so it could not be read.',
    action: 'Try again. If it keeps happening, a proxy in between may be cutting answers.',
    retryable: true,
  },
  UNEXPECTED_SHAPE: {
    title: 'Unexpected dialog data',
    message: 'The portal answered, but the dialog data does not have the shape Bitrix24 documents.',
    action: 'Try again; if it persists, report it with the identifier you looked up and your portal’s version (look it up from the command line with --json to see the raw answer).',
    retryable: false,
  },
  PORTAL_ERROR: {
    title: 'Bitrix24 error',
    message: 'The portal answered with an error this app does not know.',
    action: 'Read the portal’s description below; if it is unclear, contact your Bitrix24 administrator.',
    retryable: false,
  },
  INVALID_ARGUMENT: {
    title: 'Invalid request',
    message: 'The app received a request it cannot accept.',
    action: 'This is a bug in Open Lines Inspector: please report it.',
    retryable: false,
  },
  NOT_CACHED: {
    title: 'No cached copy',
    message: 'No copy of this dialog is kept on this computer.',
    action: 'Look it up once while the portal can be reached: every dialog looked up is kept for offline reading.',
    retryable: false,
  },
  OFFLINE_BY_CHOICE: {
    title: 'Cached copy, as asked',
    message: 'You asked for the copy kept on this computer, so the portal was not contacted.',
    action: 'Look it up without --offline to ask the portal for its current state.',
    retryable: false,
  },
  HISTORY_UNAVAILABLE: {
    title: 'History unavailable',
    message: 'The history and offline-cache database in the data folder could not be opened. Lookups still work; they are just not remembered.',
    action: 'Check that the data folder is writable and the disk is not full, then try again: the database is opened again on the next try.',
    retryable: true,
  },
  // The history database failing after it opened, or at open for a reason
  // that passes by itself: lookups go on, the user is told what was not saved.
  STORE_BUSY: {
    title: 'History database in use',
    message:
      'The history database is in use by another program, which is holding it locked. Lookups still work; history will not be saved until that program finishes or is closed.',
    action:
      'Close the other program that has openlines-inspector.db open (a database browser, a backup or sync tool, or a stuck copy of this app or its command line). History works again by itself; no restart needed.',
    retryable: true,
  },
  STORE_DISK_FULL: {
    title: 'Disk full',
    message: 'The disk that holds the history database is full, so nothing more can be saved to it. Lookups still work.',
    action: 'Free some space on that disk. Saving starts again by itself; no restart needed.',
    retryable: true,
  },
  STORE_NO_ACCESS: {
    title: 'History database not accessible',
    message:
      'The operating system refused access to the history database file (its permissions, or a read-only disk or folder). Lookups still work; history will not be saved.',
    action: 'Make the data folder and the openlines-inspector.db file in it readable and writable by your user account. History works again by itself; no restart needed.',
    retryable: true,
  },
  DEMO_UNAVAILABLE: {
    title: 'Demo portal could not start',
    message: 'The built-in demo portal could not be started on this computer.',
    action: 'Try again; if it still fails, another program may be blocking local connections.',
    retryable: true,
  },
  // OAuth 2.0 with the customer's own local application (brief §3b). "Sign-in
  // server" is oauth.bitrix.info, or whatever the account was configured with.
  INVALID_PORTAL_URL: {
    title: 'Not a portal address',
    message: 'That text is not the https:// address of a Bitrix24 portal.',
    action: 'Enter the address you open Bitrix24 at, like https://your-portal.bitrix24.com.',
    retryable: false,
  },
  OAUTH_INVALID_SERVER: {
    title: 'Not a sign-in server address',
    message: 'The sign-in server address must start with https:// and carry no user name or password: the client secret is sent there.',
    action: 'Use https://oauth.bitrix.info unless your Bitrix24 administrator gave you another one.',
    retryable: false,
  },
  OAUTH_INVALID_CLIENT: {
    title: 'Client id or secret not accepted',
    message: 'The sign-in server did not accept the application’s client id and secret, or the application is not installed on the portal.',
    action:
      'In your portal open Applications → Developer resources → Other → Local application, check that the application is installed, copy its client id (application code) and client secret again, and sign in again.',
    retryable: false,
  },
  OAUTH_SIGN_IN_AGAIN: {
    title: 'Sign in again',
    message: 'The portal no longer accepts this sign-in: the refresh token expired or was already used.',
    action: 'Sign in to the portal again. Your history and kept dialogs are not affected.',
    retryable: false,
  },
  OAUTH_STATE_MISMATCH: {
    title: 'Sign-in answer from another attempt',
    message: 'The answer does not carry the check value (state) of the sign-in in progress, so it was not used.',
    action: 'Use the sign-in link from this attempt, or paste just the code.',
    retryable: false,
  },
  OAUTH_DENIED: {
    title: 'Sign-in refused by the portal',
    message: 'The portal sent the browser back with an error instead of an authorization code.',
    action: 'Check that you allowed access and that the application is installed on the portal, then sign in again.',
    retryable: false,
  },
  OAUTH_PASTE_NOT_RECOGNISED: {
    title: 'Not an authorization code',
    message: 'That text is neither an authorization code nor the address the portal sent the browser to.',
    action: 'Copy the whole address from the browser’s address bar after signing in (it contains code=), or just the code the portal shows.',
    retryable: false,
  },
  OAUTH_PORT_IN_USE: {
    title: 'Sign-in port in use',
    message: 'Another program is using the local port that receives the sign-in.',
    action: 'Close the other program, or choose another port and register http://127.0.0.1:<port>/oauth/callback as the application’s handler path.',
    retryable: true,
  },
  OAUTH_TIMEOUT: {
    title: 'Sign-in took too long',
    message: 'The browser did not come back with an authorization code in time, so the sign-in was stopped.',
    action: 'Start the sign-in again. If the browser showed a code instead, paste it.',
    retryable: true,
  },
  OAUTH_CANCELLED: {
    title: 'Sign-in cancelled',
    message: 'The sign-in was cancelled before it finished.',
    action: 'Start the sign-in again when you are ready.',
    retryable: true,
  },
  OAUTH_REFUSED: {
    title: 'Sign-in server refused the request',
    message: 'The sign-in server answered with an error this app does not know.',
    action: 'Read the server’s description below; check the application’s settings in your portal and sign in again.',
    retryable: false,
  },
  OAUTH_BAD_ANSWER: {
    title: 'Unreadable sign-in answer',
    message: 'The sign-in server’s answer does not have the shape Bitrix24 documents.',
    action: 'Check the sign-in server address (https://oauth.bitrix.info unless you changed it) and whether a proxy sits in between, then try again.',
    retryable: true,
  },
  OAUTH_TOKENS_NOT_SAVED: {
    title: 'Sign-in could not be saved',
    message: 'The portal issued new tokens, but they could not be saved on this computer, so they were not used.',
    action: 'Check that the data folder is writable and the disk is not full, then try again.',
    retryable: true,
  },
  // Accounts: the portals a user has connected (issue 3).
  ACCOUNT_NOT_FOUND: {
    title: 'No such account',
    message: 'There is no saved account by that name.',
    action: 'List the saved accounts (openlines-inspector accounts, or the account menu in the app) and use one of their names.',
    retryable: false,
  },
  ACCOUNT_NAME_TAKEN: {
    title: 'Name already used',
    message: 'Another account already has that name.',
    action: 'Choose another name, or rename the other account first.',
    retryable: false,
  },
  ACCOUNT_NAME_INVALID: {
    title: 'Not a usable name',
    message: 'An account name is 1 to 60 characters on one line.',
    action: 'Type a short name, such as the company or the portal.',
    retryable: false,
  },
  ACCOUNT_SECRETS_UNREADABLE: {
    title: 'Saved credentials cannot be read here',
    message:
      'The account’s saved key or tokens cannot be decrypted on this computer: the keychain may have been reset, the data folder copied from another computer, or the account saved by the app, whose keychain the command line cannot open.',
    action: 'Connect the portal again (a new webhook URL, or sign in again); the account’s history and kept dialogs stay.',
    retryable: false,
  },
  ACCOUNT_SECRETS_FORGOTTEN: {
    title: 'Credentials were kept for one session only',
    message: 'This computer offers no secure storage for secrets, so the account’s key or tokens were kept only until the app was closed.',
    action: 'Connect the portal again (paste the webhook URL, or sign in again).',
    retryable: false,
  },
  INTERNAL: {
    title: 'Something went wrong',
    message: 'Open Lines Inspector met an unexpected problem.',
    action: 'Try again. If it keeps happening, please report it.',
    retryable: true,
  },
} as const satisfies Record<string, CatalogueEntry>;

export type PortalErrorCode = keyof typeof PORTAL_ERRORS;
export type AppErrorCode = keyof typeof APP_ERRORS;
export type ErrorCode = PortalErrorCode | AppErrorCode;

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
