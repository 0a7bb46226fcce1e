// The refresher's rules with a token server we hold in our hand: each refresh
// waits until the test answers it, so every interleaving is chosen, not timed.
import { describe, expect, it } from 'vitest';
import { InspectorError, inspectorError } from '../../main/core/error-codes';
import type { OAuthTokens } from '../../main/oauth/token-client';
import { TokenRefresher, type TokenState } from '../../main/oauth/token-refresher';
import { callWithTokens } from '../../main/rest/token-source';

function pair(n: number): OAuthTokens {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    accessExpiresAt: 0,
    scope: ['imopenlines'],
    memberId: 'm',
    clientEndpoint: undefined,
    userId: 1,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A token server whose answers the test gives by hand, one per request. */
function heldClient() {
  const requests: Array<{ refreshToken: string; answer: Deferred<OAuthTokens> }> = [];
  return {
    requests,
    refresh(refreshToken: string): Promise<OAuthTokens> {
      const answer = deferred<OAuthTokens>();
      requests.push({ refreshToken, answer });
      return answer.promise;
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const expired = (): InspectorError => inspectorError('expired_token', { status: 401 });
const invalid = (): InspectorError => inspectorError('invalid_token', { status: 401 });

describe('TokenRefresher', () => {
  it('joins every caller to one refresh, and answers late callers without another', async () => {
    const client = heldClient();
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {} });
    const early = Array.from({ length: 5 }, () => refresher.refreshAfterExpired('access-1'));
    await tick();
    expect(client.requests.map((r) => r.refreshToken)).toEqual(['refresh-1']);
    client.requests[0]!.answer.resolve(pair(2));
    expect((await Promise.all(early)).map((t) => t.accessToken)).toEqual(Array(5).fill('access-2'));
    // A call that set off with access-1 and is only now told it expired.
    expect((await refresher.refreshAfterExpired('access-1')).accessToken).toBe('access-2');
    expect(client.requests).toHaveLength(1);
    // access-2 expiring later is a new refresh, with the rotated refresh token.
    const next = refresher.refreshAfterExpired('access-2');
    await tick();
    expect(client.requests.map((r) => r.refreshToken)).toEqual(['refresh-1', 'refresh-2']);
    client.requests[1]!.answer.resolve(pair(3));
    expect((await next).accessToken).toBe('access-3');
  });

  it('holds every waiter until the save has finished', async () => {
    const client = heldClient();
    const save = deferred<void>();
    const saved: OAuthTokens[] = [];
    const refresher = new TokenRefresher({
      tokens: pair(1),
      client,
      save: async (tokens) => {
        await save.promise;
        saved.push(tokens);
      },
    });
    let released = 0;
    const waiters = Array.from({ length: 3 }, () => refresher.refreshAfterExpired('access-1').then(() => (released += 1)));
    await tick();
    client.requests[0]!.answer.resolve(pair(2));
    await tick();
    expect(released).toBe(0);
    expect(refresher.state).toBe('refreshing');
    // Callers arriving meanwhile wait for the same save, not for their own.
    const late = refresher.tokens();
    save.resolve();
    await Promise.all(waiters);
    expect(released).toBe(3);
    expect((await late).accessToken).toBe('access-2');
    expect(saved.map((t) => t.refreshToken)).toEqual(['refresh-2']);
  });

  it('leaves the tokens usable after a network failure, and tries again next time', async () => {
    const client = heldClient();
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {} });
    const first = refresher.refreshAfterExpired('access-1');
    await tick();
    client.requests[0]!.answer.reject(inspectorError('PORTAL_UNREACHABLE'));
    expect(await first.catch((e: InspectorError) => e.envelope.code)).toBe('PORTAL_UNREACHABLE');
    expect(refresher.state).toBe('ready');
    const second = refresher.refreshAfterExpired('access-1');
    await tick();
    expect(client.requests.map((r) => r.refreshToken)).toEqual(['refresh-1', 'refresh-1']);
    client.requests[1]!.answer.resolve(pair(2));
    expect((await second).accessToken).toBe('access-2');
  });

  it('stays "sign in again" once refused, and starts that way when told', async () => {
    const client = heldClient();
    const states: TokenState[] = [];
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {}, onStateChange: (s) => states.push(s) });
    const first = refresher.refreshAfterExpired('access-1');
    await tick();
    client.requests[0]!.answer.reject(inspectorError('OAUTH_SIGN_IN_AGAIN'));
    expect(await first.catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(await refresher.tokens().catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(await refresher.refreshAfterExpired('access-1').catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(client.requests).toHaveLength(1);
    expect(states).toEqual(['refreshing', 'sign-in-again']);

    const loaded = new TokenRefresher({ tokens: pair(1), client, save: async () => {}, signInAgain: true });
    expect(loaded.state).toBe('sign-in-again');
    expect(await loaded.tokens().catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
  });
});

describe('callWithTokens', () => {
  it('retries once after expired_token, and gives up if the new token is refused too', async () => {
    const client = heldClient();
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {} });
    const used: string[] = [];
    const outcome = callWithTokens(refresher, async (token) => {
      used.push(token);
      throw expired();
    });
    await tick();
    client.requests[0]!.answer.resolve(pair(2));
    expect(await outcome.catch((e: InspectorError) => e.envelope.code)).toBe('expired_token');
    expect(used).toEqual(['access-1', 'access-2']);
    expect(client.requests).toHaveLength(1);
  });

  it('retries invalid_token only when another caller has rotated the token meanwhile, else asks to sign in again', async () => {
    const client = heldClient();
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {} });
    const gate = deferred<void>();
    const used: string[] = [];
    const slow = callWithTokens(refresher, async (token) => {
      used.push(token);
      await gate.promise;
      if (token === 'access-1') throw invalid();
      return token;
    });
    const rotation = refresher.refreshAfterExpired('access-1');
    await tick();
    client.requests[0]!.answer.resolve(pair(2));
    await rotation;
    gate.resolve();
    expect(await slow).toBe('access-2');
    expect(used).toEqual(['access-1', 'access-2']);

    // With nothing newer to try, the account must sign in again: no refresh (only expired_token makes one).
    const states: string[] = [];
    const dead = new TokenRefresher({ tokens: pair(3), client, save: async () => {}, onStateChange: (state) => states.push(state) });
    const plain = callWithTokens(dead, async () => {
      throw invalid();
    });
    expect(await plain.catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(client.requests).toHaveLength(1);
    expect(dead.state).toBe('sign-in-again');
    expect(states).toEqual(['sign-in-again']);
    let called = false;
    const after = callWithTokens(dead, async () => {
      called = true;
      return 'x';
    });
    expect(await after.catch((e: InspectorError) => e.envelope.code)).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(called).toBe(false);
  });

  it('passes other errors through without refreshing', async () => {
    const client = heldClient();
    const refresher = new TokenRefresher({ tokens: pair(1), client, save: async () => {} });
    const outcome = callWithTokens(refresher, async () => {
      throw inspectorError('QUERY_LIMIT_EXCEEDED');
    });
    expect(await outcome.catch((e: InspectorError) => e.envelope.code)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(client.requests).toHaveLength(0);
  });
});
