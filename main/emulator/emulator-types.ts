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
  /**
   * Where the current session stands now. Only dialogs with one are in their members' im.recent.get
   * and, on a line with CRM on, in crm.activity.list (one activity per session).
   */
  live?: EmulatedLiveState;
}

/** The current session of a chat as the portal's session table has it (facts §4). */
export interface EmulatedLiveState {
  /** STATUS: 0 new, 5 back in the queue, 10 taken, 20/25 client waiting, 40 answered, 50 closing, 60 closed, 65 spam, 69 duplicate, 75 closed silently. */
  status: number;
  /** Unix seconds of the chat's last message (its id is the dialog's last_message_id). */
  lastMessageDate: number;
  /** Who wrote it: the client (the connector user), an operator, a bot; 0 for a system message. */
  lastMessageAuthorId: number;
  /** As im.recent.get shows it: BB codes removed, newlines as spaces. */
  lastMessageText: string;
  /** Unix seconds the session closed; null while it is open. */
  closedAt: number | null;
  /** An operator answered in this session (the activity's RESULT_STATUS 2). */
  answered: boolean;
}

/** One stored message of an open-line chat, before session.history.get renders and encodes it. */
export interface EmulatedMessage {
  id: number;
  /** 0 for system messages. */
  authorId: number;
  /** Unix seconds. */
  date: number;
  /** As stored: BB-code, #BR# or [br] for line breaks, bare URLs, an empty [USER=id][/USER] to be filled in. */
  text: string;
  /** Under the module's own keys (FILE_ID, CONNECTOR_MID, IMOL_SID, CLASS, COMPONENT_ID, ATTACH, IMOL_VOTE…), which the answer re-cases. */
  params?: Record<string, unknown>;
}

/** A file sent in a session: its metadata, which is all the portal's REST answer carries. */
export interface EmulatedFile {
  id: number;
  authorId: number;
  /** Unix seconds. */
  date: number;
  type: 'image' | 'file' | 'audio' | 'video';
  name: string;
  /** Bytes. */
  size: number;
  image?: { width: number; height: number };
}

/** A person (or bot) who may appear in a transcript's `users`. */
export interface EmulatedUser {
  id: number;
  name: string;
  /** A client is the channel's connector user (`connector: true`). */
  kind: 'employee' | 'bot' | 'client';
  workPosition?: string | null;
  gender?: 'M' | 'F';
  color?: string;
  avatar?: string;
}

/** One session's transcript, as imopenlines.session.history.get serves it. */
export interface EmulatedSession {
  sessionId: number;
  /** Must be a chat of the portal's dialogs; a session of an unknown chat does not exist. */
  chatId: number;
  /** The line (CONFIG_ID). */
  configId: number;
  /** The operator the session was assigned to: the one user who may always read it. */
  operatorId: number;
  /** In any order; the answer sorts them the portal's way (newest first). */
  messages: EmulatedMessage[];
  files?: EmulatedFile[];
  /** The authors and the client. An author not listed is named as the demo portal knows them, else "User <id>". */
  users?: EmulatedUser[];
  /** Supervisor rating 0–5 and comment. */
  voteHead?: number;
  commentHead?: string | null;
  /** Webhook users without the right to read this session's history: ACCESS_DENIED. */
  deniedUserIds?: number[];
}

/** One queue member of a line, as the queue table stores them. */
export interface EmulatedQueueMember {
  userId: number;
  name: string | null;
  workPosition: string | null;
  avatar: string | null;
  avatarId: number;
}

/** An open line as imopenlines.config.list.get reads it. */
export interface EmulatedLine {
  /** The settings row: every field under its own name, in the portal's order, valued as the portal writes it (mostly strings). */
  settings: Record<string, unknown>;
  /** In queue order. */
  queue: EmulatedQueueMember[];
  /** What the queue is made of (OPTIONS.CONFIG_QUEUE=Y): users and departments. */
  configQueue?: Array<{ entityType: 'user' | 'department'; entityId: number }>;
  /** With OPTIONS.CHECK_PERMISSION only these webhook users see the line; absent: everyone. */
  visibleTo?: number[];
}

export interface EmulatorOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Per emulator instance (one portal). Default {burst: 50, drainPerSecond: 2}; false disables it. */
  rateLimit?: { burst: number; drainPerSecond: number } | false;
  /**
   * The clock the portal-wide rate limit drains by; default real time. A test shares an
   * accelerated one with the client, so minutes of 2 req/s pass in seconds. Only the bucket
   * uses it: the operating budget and the `time` blocks keep real time.
   */
  rateLimitClock?: { now(): number };
  /**
   * Per method per webhook in a rolling 10 minutes; default 480. A call that finds the
   * accumulated time at or above the limit is refused, so a limit of N allows N / cost calls.
   */
  operatingLimitSeconds?: number;
  /** Execution seconds charged per call; default 0.05. Fixed, so tests are deterministic. */
  operatingCostSeconds?: number;
  /** Default: [DEMO_WEBHOOK]. */
  webhooks?: EmulatorWebhook[];
  /** Default: demoDataset() and the live open-line dialogs of demoLiveDialogs(). */
  dialogs?: EmulatedDialog[];
  /**
   * Unix seconds the demo's live dialogs are dated back from (clients waiting for minutes and
   * hours before it); default the moment the emulator starts, to the minute. Only with the default dialogs.
   */
  liveNow?: number;
  /** Artificial delay per request; default 0. */
  latencyMs?: number;
  /**
   * Transcripts served as given; every other session of a dialog gets a generated one (a session
   * always has at least its "session started" message). Default: demoSessions().
   */
  sessions?: EmulatedSession[];
  /** The portal's open lines. Default: demoLines(). */
  lines?: EmulatedLine[];
  /**
   * Default false. True answers session.history.get as the older module does: it reads SESSION_ID
   * only, and whatever it cannot use is ACCESS_DENIED (no CHAT_ID, no MISSING_REQUIRED_PARAM).
   */
  legacySessionHistory?: boolean;
  /** Default true; false makes every imopenlines.dialog.get answer IM_NOT_INSTALLED. */
  imInstalled?: boolean;
  /** Default true: tests read `requests`. The app's demo portal turns it off, so a long session does not grow it. */
  recordRequests?: boolean;
  /** The portal's OAuth 2.0 side and the authorization server (https://apidocs.bitrix24.com/settings/oauth/index.html). Default: DEMO_OAUTH_APP only. */
  oauth?: EmulatorOAuthOptions;
}

/** A local application installed on the emulated portal. */
export interface EmulatorOAuthApp {
  clientId: string;
  clientSecret: string;
  /** What the app was granted; its tokens carry exactly these. */
  scopes: string[];
  /**
   * The handler path registered for the app. Authorize redirects here when the request names no
   * redirect_uri; without one either, the portal shows the code on a page for the user to copy.
   */
  redirectUri?: string;
  /** Behave like portals that take the target only from the app's settings (https://apidocs.bitrix24.com/settings/oauth/index.html). Default false. */
  ignoresRedirectUri?: boolean;
  /** Default true; an app that is not installed cannot be authorised (error page, invalid_client). */
  installed?: boolean;
  /** The app's `status` in token answers: L(ocal), F(ree), T(rial), P(aid). Default 'L'. */
  status?: string;
}

export interface EmulatorOAuthOptions {
  /** Default: [DEMO_OAUTH_APP]. */
  apps?: EmulatorOAuthApp[];
  /** The portal user who is signed in when the browser reaches /oauth/authorize/. Default 1. */
  userId?: number;
  /** Whole seconds, at least 1. Default 3600. */
  accessTokenLifetimeSeconds?: number;
  /** Whole seconds, at least 1. Default 30, as documented. */
  codeLifetimeSeconds?: number;
  /** Whole seconds, at least 1. Default 180 days. */
  refreshTokenLifetimeSeconds?: number;
  /** 32 hex digits identifying the portal. Default DEMO_MEMBER_ID. */
  memberId?: string;
  /** Milliseconds since the epoch; lets tests move time past a code's or token's expiry. Default Date.now. */
  now?: () => number;
}

/** One access/refresh pair as the authorization server sees it. */
export interface EmulatorIssuedToken {
  clientId: string;
  userId: number;
  scopes: string[];
  accessToken: string;
  refreshToken: string;
  /** Unix milliseconds, on the emulator's clock. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  /** True once this pair's refresh token was exchanged; the pair's access token stops working then too. */
  rotated: boolean;
  /** How the pair was obtained. */
  grantType: 'authorization_code' | 'refresh_token';
}

/** A request to /oauth/token/, in the order answered. */
export interface EmulatorTokenRequest {
  grantType: string;
  clientId: string;
  status: number;
  /** The OAuth error code, or null when tokens were issued. */
  error: string | null;
}

export interface EmulatorOAuth {
  /** The portal's authorize page for this app (default: the first app), as a client would open it in a browser. */
  authorizeUrl(options?: { clientId?: string; state?: string; redirectUri?: string }): string;
  /** https://127.0.0.1:<port>/oauth/token/ — oauth.bitrix.info's part, served by the same emulator. */
  readonly tokenUrl: string;
  /** The authorization server's origin, as a client configures it instead of https://oauth.bitrix.info. */
  readonly serverOrigin: string;
  readonly memberId: string;
  /** Every pair issued so far, oldest first; copies. */
  issuedTokens(): EmulatorIssuedToken[];
  readonly tokenRequests: readonly EmulatorTokenRequest[];
  /** Every access token issued so far is expired from now on (refresh tokens are untouched). */
  expireAccessTokens(): void;
  /** Every refresh token issued so far is expired from now on, as after 180 idle days. */
  expireRefreshTokens(): void;
}

export type EmulatorFault =
  | { kind: 'error'; code: string; status?: number; description?: string }
  | { kind: 'html'; status?: number }
  | { kind: 'empty'; status?: number }
  | { kind: 'truncated' }
  | { kind: 'json-not-bitrix' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  /** What a captive portal or a misconfigured proxy does; Bitrix24 itself never redirects REST calls. */
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; location: string };

export interface EmulatorRequest {
  /** Lower-cased, without `.json`. */
  method: string;
  params: Record<string, unknown>;
  /** The authenticated user (the webhook's, or the access token's); null when authentication failed. */
  userId: number | null;
  /** How the call authenticated; null when it did not. */
  auth: 'webhook' | 'oauth' | null;
  /** HTTP status sent; 0 when no answer was sent (hang, reset). */
  status: number;
  /** The emulator's own time on the call, from the request read to its answer written (the injected latency not counted). */
  answeredInMs: number;
}

export interface FaultOptions {
  /** How many matching requests it applies to; default 1. */
  times?: number;
  /** Only to this method. */
  method?: string;
  /** How many matching requests are answered normally first; default 0. */
  after?: number;
}

export interface Emulator {
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  /** PEM of the self-signed certificate, for clients to trust. */
  readonly certificate: string;
  /** https://127.0.0.1:<port>/rest/<userId>/<key>/ (defaults to the first webhook). */
  webhookUrl(webhook?: EmulatorWebhook): string;
  /** Applies to the next `times` (default 1) matching requests, after authentication, once `after` (default 0) of them have been answered normally. */
  injectFault(fault: EmulatorFault, options?: FaultOptions): void;
  clearFaults(): void;
  /**
   * Changes a dialog from now on, as a living portal would (operator transfer,
   * new session, new messages); `newSessionId` also maps that session to it.
   * Throws for an unknown chat id.
   */
  updateDialog(chatId: number, patch: Record<string, unknown>, options?: { newSessionId?: number }): void;
  /** The OAuth 2.0 authorization and token endpoints, and what they issued. */
  readonly oauth: EmulatorOAuth;
  /** Every call under /rest/, in the order answered; hang and reset are logged (status 0) when they fire. */
  readonly requests: readonly EmulatorRequest[];
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}
