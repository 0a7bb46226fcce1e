// The plain shapes of accounts that may leave main (IPC, CLI output): no
// secrets, and no Node imports, so the renderer's type-check can read them.

export type AccountKind = 'webhook' | 'oauth';
export type RatePlan = 'standard' | 'enterprise';

/**
 * ready: can be used. sign-in-again: the portal refused the refresh token.
 * secrets-unreadable: stored, but this computer cannot decrypt them (another
 * machine, a reset keychain, the app's keychain read from the CLI).
 * secrets-forgotten: kept for one run only, and that run is over.
 */
export type AccountState = 'ready' | 'sign-in-again' | 'secrets-unreadable' | 'secrets-forgotten';

/** What may leave main: never a secret. */
export interface AccountSummary {
  id: string;
  name: string;
  kind: AccountKind;
  origin: string;
  host: string;
  plan: RatePlan;
  state: AccountState;
  current: boolean;
  /** The Bitrix24 user a webhook acts as (in every webhook URL, not a secret); null for OAuth. */
  userId: number | null;
  /** OAuth only: the application's client id (not a secret) and the sign-in server. */
  clientId?: string;
  oauthServer?: string;
}
