// Keeps one account's tokens alive (https://apidocs.bitrix24.com/settings/oauth/index.html). A refresh rotates both
// tokens: the old refresh token and the old access token die the moment the
// server answers. So there is at most one refresh in flight per account, and
// its answer is saved before any waiting call may use it: a crash between the
// two leaves the saved (now dead) refresh token, which the next start turns
// into a clear "sign in again" instead of a silent loop.
import { InspectorError, inspectorError } from '../core/error-codes';
import { messages } from '../core/messages/index';
import type { TokenSource } from '../rest/token-source';
import type { OAuthTokens } from './token-client';

/**
 * ready: the tokens can be used. refreshing: a refresh or a save is in flight.
 * unsaved: the server issued new tokens that could not be saved; they are kept
 * back until a save succeeds, and the old ones are dead. sign-in-again: the
 * refresh token was refused; only a new sign-in helps.
 */
export type TokenState = 'ready' | 'refreshing' | 'unsaved' | 'sign-in-again';

export interface TokenRefresherOptions {
  tokens: OAuthTokens;
  /** A TokenClient fits. */
  client: { refresh(refreshToken: string): Promise<OAuthTokens> };
  /** Persists the pair in place of the old one; must not resolve before it is durable. */
  save(tokens: OAuthTokens): Promise<void>;
  /** The account was already marked "sign in again" when loaded. */
  signInAgain?: boolean;
  /** So the account list can show and store the state. */
  onStateChange?(state: TokenState): void;
}

/** The token source of an OAuth account's PortalClient (rest/token-source.ts: callWithTokens drives it). */
export class TokenRefresher implements TokenSource {
  private current: OAuthTokens;
  private unsaved: OAuthTokens | null = null;
  private inFlight: Promise<OAuthTokens> | null = null;
  private refused: InspectorError | null;
  private lastState: TokenState;
  private readonly options: TokenRefresherOptions;

  constructor(options: TokenRefresherOptions) {
    this.options = options;
    this.current = options.tokens;
    this.refused = options.signInAgain ? inspectorError('OAUTH_SIGN_IN_AGAIN') : null;
    this.lastState = this.state;
  }

  get state(): TokenState {
    if (this.refused) return 'sign-in-again';
    if (this.inFlight) return 'refreshing';
    return this.unsaved ? 'unsaved' : 'ready';
  }

  /** Every token this account holds now, so error texts and logs can be scrubbed of them. */
  secrets(): string[] {
    const held = [this.current, this.unsaved].filter((tokens): tokens is OAuthTokens => tokens !== null);
    return held.flatMap((tokens) => [tokens.accessToken, tokens.refreshToken]);
  }

  /** The tokens to call with: waits for a refresh in flight, and first saves tokens a failed save left behind. */
  async tokens(): Promise<OAuthTokens> {
    if (this.refused) throw this.refused;
    if (this.inFlight) return this.inFlight;
    if (this.unsaved) return this.run(() => this.persist(this.unsaved!));
    return this.current;
  }

  /**
   * A call made with `usedAccessToken` was answered expired_token. Refreshes
   * unless someone already did since that call started; everyone waiting gets
   * the same outcome.
   */
  refreshAfterExpired(usedAccessToken: string): Promise<OAuthTokens> {
    if (this.refused) return Promise.reject(this.refused);
    if (this.inFlight) return this.inFlight;
    if (this.unsaved) return this.run(() => this.persist(this.unsaved!));
    if (this.current.accessToken !== usedAccessToken) return Promise.resolve(this.current);
    const refreshToken = this.current.refreshToken;
    return this.run(async () => {
      let fresh: OAuthTokens;
      try {
        fresh = await this.options.client.refresh(refreshToken);
      } catch (error) {
        if (error instanceof InspectorError && error.envelope.code === 'OAUTH_SIGN_IN_AGAIN') this.refused = error;
        throw error;
      }
      // From here the old pair is dead at the server, saved or not.
      return this.persist(fresh);
    });
  }

  /**
   * The portal refused the current access token outright (invalid_token, not
   * expired): it was revoked, or replaced by a refresh whose answer was never
   * saved (a crash between the two). Refreshing only on expired_token, as the
   * docs ask, leaves one remedy: a new sign-in. Remembered like a refused
   * refresh token, so no more calls go out with it.
   */
  signInAgain(): InspectorError {
    this.refused ??= inspectorError('OAUTH_SIGN_IN_AGAIN', { message: messages().errors.oauth.accessTokenRefused });
    this.notify();
    return this.refused;
  }

  private async persist(fresh: OAuthTokens): Promise<OAuthTokens> {
    this.unsaved = fresh;
    try {
      await this.options.save(fresh);
    } catch (error) {
      throw inspectorError('OAUTH_TOKENS_NOT_SAVED', {}, error);
    }
    this.current = fresh;
    this.unsaved = null;
    return fresh;
  }

  private run(work: () => Promise<OAuthTokens>): Promise<OAuthTokens> {
    const flight = work().finally(() => {
      this.inFlight = null;
      this.notify();
    });
    this.inFlight = flight;
    this.notify();
    return flight;
  }

  private notify(): void {
    const state = this.state;
    if (state === this.lastState) return;
    this.lastState = state;
    this.options.onStateChange?.(state);
  }
}
