// Where an OAuth client's access tokens come from, as rest needs it. rest owns
// this interface so that it never imports oauth: oauth's TokenRefresher
// implements it, and the arrow points from oauth to rest.
import { InspectorError } from '../core/error-codes';

export interface TokenSource {
  /** The access token to call with now; waits for a refresh in flight. */
  tokens(): Promise<{ readonly accessToken: string }>;
  /** A call made with `usedAccessToken` was answered expired_token: the token to try again with. */
  refreshAfterExpired(usedAccessToken: string): Promise<{ readonly accessToken: string }>;
  /** The portal refused the current token outright: the error that says "sign in again", remembered for every later call. */
  signInAgain(): InspectorError;
  /** Every token held now, so error texts can be scrubbed of them. */
  secrets(): string[];
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof InspectorError && error.envelope.code === code;
}

/**
 * Runs `call` with the source's access token; on expired_token refreshes
 * (once for all concurrent callers) and retries once. A call that set off with
 * a token another caller has since rotated away gets invalid_token: it is
 * retried with the new token, without another refresh. invalid_token on the
 * current token means the account must sign in again.
 */
export async function callWithTokens<T>(source: TokenSource, call: (accessToken: string) => Promise<T>): Promise<T> {
  const used = (await source.tokens()).accessToken;
  try {
    return await call(used);
  } catch (error) {
    if (hasCode(error, 'expired_token')) return call((await source.refreshAfterExpired(used)).accessToken);
    if (hasCode(error, 'invalid_token')) {
      const now = (await source.tokens()).accessToken;
      if (now !== used) return call(now);
      throw source.signInAgain();
    }
    throw error;
  }
}
