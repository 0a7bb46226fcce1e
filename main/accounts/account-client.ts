// A PortalClient for a saved account. For OAuth, the account's tokens are
// kept alive by a TokenRefresher whose saves go to the account store before
// any waiting call may use them, and a refused refresh token marks the
// account "sign in again" in the store, for the app and the CLI alike.
import { inspectorError } from '../core/error-codes';
import { createTokenClient } from '../oauth/token-client';
import { TokenRefresher } from '../oauth/token-refresher';
import { createOAuthClient, createWebhookClient, type PortalClient, type PortalClientOptions } from '../rest/portal-client';
import type { AccountStore } from './account-store';

export function clientForAccount(accounts: AccountStore, idOrName: string, options: PortalClientOptions = {}): PortalClient {
  const account = accounts.get(idOrName);
  if (account.state === 'sign-in-again') throw inspectorError('OAUTH_SIGN_IN_AGAIN');
  const secrets = accounts.secrets(account.id);
  const clientOptions: PortalClientOptions = { plan: account.plan, ...options };
  if (secrets.kind === 'webhook') return createWebhookClient(secrets.webhook, clientOptions);
  const tokenClient = createTokenClient({
    clientId: secrets.clientId,
    clientSecret: secrets.clientSecret,
    serverOrigin: secrets.oauthServer,
    ...(options.extraCertificates ? { extraCertificates: options.extraCertificates } : {}),
  });
  const refresher = new TokenRefresher({
    tokens: secrets.tokens,
    client: tokenClient,
    save: async (fresh) => accounts.saveTokens(account.id, fresh),
    onStateChange: (state) => {
      if (state === 'sign-in-again') accounts.markSignInAgain(account.id);
    },
  });
  return createOAuthClient({ origin: account.origin, host: account.host }, refresher, clientOptions);
}
