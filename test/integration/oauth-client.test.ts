// Lookups through the SDK on an OAuth account, against the emulator over
// HTTPS: the access token rides on every request, expired_token makes one
// refresh however many lookups wait, and the rotated pair is saved before any
// of them is tried again.
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdentifier } from '../../main/core/identifier';
import { lookupQuery } from '../../main/core/lookup';
import type { Emulator } from '../../main/emulator/index';
import type { OAuthTokens } from '../../main/oauth/token-client';
import { TokenRefresher } from '../../main/oauth/token-refresher';
import { createOAuthClient, type PortalClient } from '../../main/rest/portal-client';
import { APP, rejection, signIn, type SignedIn } from './oauth-support';

const emulators: Emulator[] = [];
const clients: PortalClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

async function signedIn(): Promise<SignedIn> {
  const account = await signIn();
  emulators.push(account.portal);
  return account;
}

function oauthClient(account: SignedIn, refresher: TokenRefresher): PortalClient {
  const host = new URL(account.portal.origin).host;
  const client = createOAuthClient({ origin: account.portal.origin, host }, refresher, {
    extraCertificates: [account.portal.certificate],
    rateLimit: false,
  });
  clients.push(client);
  return client;
}

const query = parseIdentifier('chat1777', 'chat');
const refreshRequests = (portal: Emulator) => portal.oauth.tokenRequests.filter((r) => r.grantType === 'refresh_token');

describe('an OAuth account', () => {
  it('looks a dialog up with its access token, and never asks for a refresh while the token works', async () => {
    const account = await signedIn();
    const refresher = new TokenRefresher({ tokens: account.tokens, client: account.client, save: async () => {} });
    const result = await lookupQuery(oauthClient(account, refresher), query);
    expect(result.dialog.name).toBe('Green Guest #17 - Bitrix24 Documentation');
    expect(account.portal.requests).toEqual([
      expect.objectContaining({ method: 'imopenlines.dialog.get', auth: 'oauth', status: 200, userId: 1 }),
    ]);
    // The token is how the call authenticates, not a parameter the method sees.
    expect(account.portal.requests[0]!.params).toEqual({ DIALOG_ID: 'chat1777' });
    expect(refreshRequests(account.portal)).toHaveLength(0);
  });

  it('20 concurrent lookups on an expired token: one refresh, saved before any retry, all 20 found', async () => {
    const account = await signedIn();
    account.portal.oauth.expireAccessTokens();
    const events: string[] = [];
    const refresher = new TokenRefresher({
      tokens: account.tokens,
      client: account.client,
      save: async (fresh: OAuthTokens) => {
        events.push(`save ${account.portal.requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`saved ${fresh.refreshToken === account.tokens.refreshToken ? 'old' : 'new'}`);
      },
    });
    const client = oauthClient(account, refresher);

    const results = await Promise.all(Array.from({ length: 20 }, () => lookupQuery(client, query)));

    expect(results.map((result) => result.dialog.id)).toEqual(Array.from({ length: 20 }, () => 1777));
    expect(refreshRequests(account.portal)).toEqual([{ grantType: 'refresh_token', clientId: APP.clientId, status: 200, error: null }]);
    // Saved once, after all 20 first tries came back 401 and before any retry went out.
    expect(events).toEqual(['save 20', 'saved new']);
    const statuses = account.portal.requests.map((request) => request.status);
    expect(statuses).toEqual([...Array.from({ length: 20 }, () => 401), ...Array.from({ length: 20 }, () => 200)]);
    const [, rotated] = account.portal.oauth.issuedTokens();
    expect((await refresher.tokens()).accessToken).toBe(rotated!.accessToken);
  });

  it('says "sign in again" when the refresh token is refused, and scrubs every token from what it says', async () => {
    const account = await signedIn();
    account.portal.oauth.expireAccessTokens();
    account.portal.oauth.expireRefreshTokens();
    const refresher = new TokenRefresher({ tokens: account.tokens, client: account.client, save: async () => {} });
    const client = oauthClient(account, refresher);

    const failures = await Promise.all(Array.from({ length: 5 }, () => rejection(lookupQuery(client, query))));

    expect(failures.map((error) => error.envelope.code)).toEqual(Array.from({ length: 5 }, () => 'OAUTH_SIGN_IN_AGAIN'));
    expect(refreshRequests(account.portal)).toHaveLength(1);
    expect(refresher.state).toBe('sign-in-again');
    const said = JSON.stringify(failures.map((error) => [error.message, error.envelope]));
    for (const secret of [account.tokens.accessToken, account.tokens.refreshToken, APP.clientSecret]) expect(said).not.toContain(secret);
  });
});
