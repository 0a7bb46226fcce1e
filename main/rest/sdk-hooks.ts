// The official SDK (@bitrix24/b24jssdk), loaded on first use, and its two
// clients made the way we use them: a B24Hook for a webhook, a B24OAuth for an
// OAuth account, both with every limit and retry of the SDK's own turned off.
// Only this module and sdk-transport.ts touch the SDK.
import type { B24Hook, B24OAuth } from '@bitrix24/b24jssdk';
import type { Webhook } from '../core/webhook';

export type Sdk = typeof import('@bitrix24/b24jssdk');
export type SdkHook = B24Hook | B24OAuth;
/** Makes the SDK's client once the SDK has loaded. */
export type MakeHook = (module: Sdk) => SdkHook;

/** Where an OAuth account's REST calls go. */
export interface PortalAddress {
  /** https://host[:port] */
  origin: string;
  host: string;
}

let sdk: Promise<Sdk> | null = null;

/**
 * The SDK, with axios and its dependencies, loads when a client first calls,
 * not when main starts: imported up front it was most of main's time to its
 * first window (test/bench/startup-bench.ts).
 */
export function loadSdk(): Promise<Sdk> {
  sdk ??= import('@bitrix24/b24jssdk');
  sdk.catch(() => (sdk = null));
  return sdk;
}

/**
 * Every limit and retry of the SDK turned off; ours replace them. Left on,
 * the SDK would retry OVERLOAD_LIMIT (it checks the 503 before the code),
 * pause silently up to 7 s once a method passes 80 % of 480 s, and block a
 * method until its reset (up to ten minutes) where nobody can see or cancel it.
 */
const SDK_RESTRICTIONS_OFF = {
  maxRetries: 1,
  retryDelay: 0,
  retryOnNetworkError: false,
  rateLimit: { burstLimit: Number.MAX_SAFE_INTEGER, drainRate: Number.MAX_SAFE_INTEGER, adaptiveEnabled: false },
  operatingLimit: { windowMs: 600_000, limitMs: Number.MAX_SAFE_INTEGER, heavyPercent: 100 },
  adaptiveConfig: { enabled: false, thresholdPercent: 100, coefficient: 0, maxDelay: 0 },
};

export function webhookHook(webhook: Webhook): MakeHook {
  return (module) =>
    new module.B24Hook({ b24Url: webhook.origin, userId: webhook.userId, secret: webhook.key }, { restrictionParams: SDK_RESTRICTIONS_OFF });
}

/**
 * The SDK's B24OAuth is the transport only. Its own token handling would
 * refresh ahead of time by the local clock, also on invalid_token, and with
 * no say in when the rotated pair is saved; so its clock is set to never
 * expire, its refresh hook hands the portal's 401 back to us (sdk-transport.ts),
 * and each try carries the token callWithTokens chose.
 */
export function oauthHook(address: PortalAddress): MakeHook {
  return (module) =>
    new module.B24OAuth(
      {
        applicationToken: '',
        userId: 0,
        memberId: '',
        // Replaced on every request by the token of the try (see sdk-transport.ts's request interceptor).
        accessToken: 'set-per-request',
        refreshToken: 'unused',
        expires: Number.MAX_SAFE_INTEGER / 1000,
        expiresIn: 3600,
        scope: '',
        domain: address.host,
        clientEndpoint: `${address.origin}/rest/`,
        serverEndpoint: 'https://oauth.bitrix.info/rest/',
        status: module.EnumAppStatus.Local,
      },
      { clientId: '', clientSecret: '' },
      { restrictionParams: SDK_RESTRICTIONS_OFF },
    );
}
