// What the authorization server remembers: codes, access tokens and refresh
// tokens, with their lifetimes on one clock. Shared by the portal's authorize
// page (which issues codes), the token endpoint (which redeems them) and the
// REST front (which accepts access tokens), so each can be served apart.
import { randomBytes } from 'node:crypto';
import type { EmulatorIssuedToken, EmulatorOAuthApp, EmulatorOAuthOptions } from './emulator-types';
import { DEMO_MEMBER_ID, DEMO_OAUTH_APP } from './dataset';

const DAY_SECONDS = 24 * 60 * 60;

export interface ResolvedApp extends Required<Omit<EmulatorOAuthApp, 'redirectUri'>> {
  redirectUri: string | undefined;
}

interface Code {
  clientId: string;
  userId: number;
  expiresAt: number;
  used: boolean;
}

export type GrantFailure = 'invalid_grant';

export type AccessCheck =
  | { kind: 'valid'; token: EmulatorIssuedToken }
  | { kind: 'expired' }
  | { kind: 'unknown' };

export class OAuthTokens {
  readonly memberId: string;
  readonly userId: number;
  readonly now: () => number;
  private readonly apps: ResolvedApp[];
  private readonly accessMs: number;
  private readonly codeMs: number;
  private readonly refreshMs: number;
  private readonly codes = new Map<string, Code>();
  private readonly pairs: EmulatorIssuedToken[] = [];
  private readonly byAccess = new Map<string, EmulatorIssuedToken>();
  private readonly byRefresh = new Map<string, EmulatorIssuedToken>();

  constructor(options: EmulatorOAuthOptions = {}) {
    this.apps = (options.apps ?? [DEMO_OAUTH_APP]).map((app) => ({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopes: [...app.scopes],
      redirectUri: app.redirectUri,
      ignoresRedirectUri: app.ignoresRedirectUri ?? false,
      installed: app.installed ?? true,
      status: app.status ?? 'L',
    }));
    this.userId = options.userId ?? 1;
    this.memberId = options.memberId ?? DEMO_MEMBER_ID;
    this.now = options.now ?? Date.now;
    this.accessMs = lifetimeMs('accessTokenLifetimeSeconds', options.accessTokenLifetimeSeconds ?? 3600);
    this.codeMs = lifetimeMs('codeLifetimeSeconds', options.codeLifetimeSeconds ?? 30);
    this.refreshMs = lifetimeMs('refreshTokenLifetimeSeconds', options.refreshTokenLifetimeSeconds ?? 180 * DAY_SECONDS);
  }

  /** An installed app with this id; uninstalled apps count as unknown, as on a portal. */
  app(clientId: string): ResolvedApp | undefined {
    return this.apps.find((a) => a.clientId === clientId && a.installed);
  }

  firstClientId(): string | undefined {
    return this.apps[0]?.clientId;
  }

  issueCode(app: ResolvedApp): string {
    const code = token();
    this.codes.set(code, { clientId: app.clientId, userId: this.userId, expiresAt: this.now() + this.codeMs, used: false });
    return code;
  }

  /** Single use, 30 s, and only for the app it was issued to. */
  redeemCode(app: ResolvedApp, code: string): EmulatorIssuedToken | GrantFailure {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.clientId !== app.clientId) return 'invalid_grant';
    // A spent or stale code is burnt either way, so a retry cannot succeed later.
    entry.used = true;
    if (this.now() >= entry.expiresAt) return 'invalid_grant';
    return this.issuePair(app, entry.userId, 'authorization_code');
  }

  /**
   * Rotation: the old refresh token is refused from now on, and (per the legacy docs, https://apidocs.bitrix24.com/settings/oauth/index.html)
   * so is the access token issued with it.
   */
  refresh(app: ResolvedApp, refreshToken: string): EmulatorIssuedToken | GrantFailure {
    const old = this.byRefresh.get(refreshToken);
    if (!old || old.rotated || old.clientId !== app.clientId || this.now() >= old.refreshExpiresAt) return 'invalid_grant';
    old.rotated = true;
    return this.issuePair(app, old.userId, 'refresh_token');
  }

  checkAccess(accessToken: string): AccessCheck {
    const pair = this.byAccess.get(accessToken);
    if (!pair || pair.rotated) return { kind: 'unknown' };
    if (this.now() >= pair.accessExpiresAt) return { kind: 'expired' };
    return { kind: 'valid', token: pair };
  }

  expireAccessTokens(): void {
    const now = this.now();
    for (const pair of this.pairs) pair.accessExpiresAt = Math.min(pair.accessExpiresAt, now);
  }

  expireRefreshTokens(): void {
    const now = this.now();
    for (const pair of this.pairs) pair.refreshExpiresAt = Math.min(pair.refreshExpiresAt, now);
  }

  issued(): EmulatorIssuedToken[] {
    return this.pairs.map((pair) => ({ ...pair, scopes: [...pair.scopes] }));
  }

  private issuePair(
    app: ResolvedApp,
    userId: number,
    grantType: EmulatorIssuedToken['grantType'],
  ): EmulatorIssuedToken {
    const now = this.now();
    const pair: EmulatorIssuedToken = {
      clientId: app.clientId,
      userId,
      scopes: [...app.scopes],
      accessToken: token(),
      refreshToken: token(),
      accessExpiresAt: now + this.accessMs,
      refreshExpiresAt: now + this.refreshMs,
      rotated: false,
      grantType,
    };
    this.pairs.push(pair);
    this.byAccess.set(pair.accessToken, pair);
    this.byRefresh.set(pair.refreshToken, pair);
    return pair;
  }
}

/** 70 hex digits, the length real Bitrix24 codes and tokens have. */
function token(): string {
  return randomBytes(35).toString('hex');
}

function lifetimeMs(name: string, seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1) throw new RangeError(`${name} must be a whole number of seconds ≥ 1, got ${seconds}`);
  return seconds * 1000;
}
