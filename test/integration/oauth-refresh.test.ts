// Refreshing an account's tokens against the emulator's token server: one
// refresh however many calls wait, the rotated pair saved before any of them
// retries, and "sign in again" when the refresh token is gone.
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../main/emulator/index';
import type { OAuthTokens } from '../../main/oauth/token-client';
import { TokenRefresher, type TokenState } from '../../main/oauth/token-refresher';
import { callWithTokens } from '../../main/rest/token-source';
import { APP, callScope, rejection, signIn, type SignedIn } from './oauth-support';

const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

async function signedIn(): Promise<SignedIn> {
  const account = await signIn();
  emulators.push(account.portal);
  return account;
}

const refreshRequests = (portal: Emulator) => portal.oauth.tokenRequests.filter((r) => r.grantType === 'refresh_token');

describe('refreshing on expired_token', () => {
  it('makes exactly one refresh for 20 waiting calls, saves the rotated pair, then releases them all', async () => {
    const { portal, client, tokens } = await signedIn();
    portal.oauth.expireAccessTokens();
    const events: string[] = [];
    const saved: OAuthTokens[] = [];
    const refresher = new TokenRefresher({
      tokens,
      client,
      save: async (fresh) => {
        events.push('save started');
        // A real save writes a file; give the waiters every chance to run ahead if they could.
        await new Promise((resolve) => setTimeout(resolve, 20));
        saved.push(fresh);
        events.push('saved');
      },
    });
    const call = async (accessToken: string): Promise<string[]> => {
      events.push(accessToken === tokens.accessToken ? 'call with old' : 'call with new');
      return callScope(portal.origin, portal.certificate, accessToken);
    };

    const results = await Promise.all(Array.from({ length: 20 }, () => callWithTokens(refresher, call)));

    expect(results).toEqual(Array.from({ length: 20 }, () => APP.scopes));
    expect(refreshRequests(portal)).toEqual([{ grantType: 'refresh_token', clientId: APP.clientId, status: 200, error: null }]);
    const issued = portal.oauth.issuedTokens();
    expect(issued).toHaveLength(2);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ accessToken: issued[1]!.accessToken, refreshToken: issued[1]!.refreshToken });
    // Every retry came after the save finished; none before, none with the old token.
    expect(events.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 'call with old'));
    expect(events.slice(20)).toEqual(['save started', 'saved', ...Array.from({ length: 20 }, () => 'call with new')]);
    expect(portal.requests.filter((r) => r.status === 401)).toHaveLength(20);
    expect(portal.requests.filter((r) => r.status === 200)).toHaveLength(20);
    expect(refresher.state).toBe('ready');
    expect((await refresher.tokens()).refreshToken).toBe(issued[1]!.refreshToken);
  });

  it('does not refresh a token that still works', async () => {
    const { portal, client, tokens } = await signedIn();
    const refresher = new TokenRefresher({ tokens, client, save: async () => {} });
    await Promise.all(Array.from({ length: 5 }, () => callWithTokens(refresher, (t) => callScope(portal.origin, portal.certificate, t))));
    expect(refreshRequests(portal)).toHaveLength(0);
  });

  it('marks the account "sign in again" when the refresh token is refused, for every waiter', async () => {
    const { portal, client, tokens } = await signedIn();
    portal.oauth.expireAccessTokens();
    portal.oauth.expireRefreshTokens();
    const states: TokenState[] = [];
    let saves = 0;
    const refresher = new TokenRefresher({
      tokens,
      client,
      save: async () => {
        saves += 1;
      },
      onStateChange: (state) => states.push(state),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => rejection(callWithTokens(refresher, (t) => callScope(portal.origin, portal.certificate, t)))),
    );
    expect(outcomes.map((error) => error.envelope.code)).toEqual(Array.from({ length: 20 }, () => 'OAUTH_SIGN_IN_AGAIN'));
    expect(refreshRequests(portal)).toEqual([{ grantType: 'refresh_token', clientId: APP.clientId, status: 400, error: 'invalid_grant' }]);
    expect(saves).toBe(0);
    expect(refresher.state).toBe('sign-in-again');
    expect(states).toEqual(['refreshing', 'sign-in-again']);

    // Later calls learn it without asking the server again.
    expect((await rejection(callWithTokens(refresher, (t) => callScope(portal.origin, portal.certificate, t)))).envelope.code).toBe(
      'OAUTH_SIGN_IN_AGAIN',
    );
    expect(refreshRequests(portal)).toHaveLength(1);
    expect(portal.requests).toHaveLength(20);
  });

  it('never uses the old pair after a failed save, and uses the new one once it is saved', async () => {
    const { portal, client, tokens } = await signedIn();
    portal.oauth.expireAccessTokens();
    let diskFull = true;
    const saved: OAuthTokens[] = [];
    const refresher = new TokenRefresher({
      tokens,
      client,
      save: async (fresh) => {
        if (diskFull) throw new Error('ENOSPC: no space left on device');
        saved.push(fresh);
      },
    });
    const call = (t: string) => callScope(portal.origin, portal.certificate, t);

    const failures = await Promise.all(Array.from({ length: 20 }, () => rejection(callWithTokens(refresher, call))));
    expect(failures.map((error) => error.envelope.code)).toEqual(Array.from({ length: 20 }, () => 'OAUTH_TOKENS_NOT_SAVED'));
    expect(JSON.stringify(failures[0]!.envelope)).not.toContain('ENOSPC');
    expect(refresher.state).toBe('unsaved');
    expect(await rejection(refresher.tokens())).toMatchObject({ envelope: { code: 'OAUTH_TOKENS_NOT_SAVED' } });
    // Only the first 20 calls (with the expired token) reached the portal.
    expect(portal.requests).toHaveLength(20);

    diskFull = false;
    expect(await callWithTokens(refresher, call)).toEqual(APP.scopes);
    const issued = portal.oauth.issuedTokens();
    expect(saved.map((t) => t.refreshToken)).toEqual([issued[1]!.refreshToken]);
    expect(portal.requests.at(-1)).toMatchObject({ status: 200, auth: 'oauth' });
    expect(refreshRequests(portal)).toHaveLength(1);
    expect(refresher.state).toBe('ready');
  });
});
