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
  /** Default: demoDataset(). */
  dialogs?: EmulatedDialog[];
  /** Artificial delay per request; default 0. */
  latencyMs?: number;
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
  /** The OAuth 2.0 authorization and token endpoints, and what they issued. */
  readonly oauth: EmulatorOAuth;
  /** Every call under /rest/, in the order answered; hang and reset are logged (status 0) when they fire. */
  readonly requests: readonly EmulatorRequest[];
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}
