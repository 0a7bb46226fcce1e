// The emulator's OAuth 2.0 over real HTTPS, driven the way a browser and a
// desktop client would: open the authorize page, follow its redirect to a
// loopback listener, exchange the code, call REST with the token, refresh.
import { describe, it, expect, afterEach } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import {
  DEMO_IDS,
  DEMO_MEMBER_ID,
  DEMO_OAUTH_APP,
  startEmulator,
  type Emulator,
  type EmulatorOAuthApp,
  type EmulatorOptions,
} from '../../main/emulator/index';
import { readReply, type Reply } from '../support/emulator-call';

interface Loopback {
  /** http://127.0.0.1:<port>/oauth/callback */
  callbackUrl: string;
  /** The query of every request the listener received. */
  hits: URLSearchParams[];
}

const running: Emulator[] = [];
const listeners: Server[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  await Promise.all(listeners.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const APP: EmulatorOAuthApp = {
  clientId: 'local.65f0a1b2c3d4e5.12345678',
  clientSecret: 'Secr3tOfTheLocalApp0000000000000000000000000000',
  scopes: ['imopenlines', 'im', 'crm', 'user_brief'],
};

async function start(options?: EmulatorOptions): Promise<Emulator> {
  const emulator = await startEmulator({ rateLimit: false, ...options });
  running.push(emulator);
  return emulator;
}

/** The client's side of the redirect: a plain-HTTP listener on loopback, as the desktop app runs. */
async function loopback(): Promise<Loopback> {
  const hits: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<p>Signed in. You can close this tab.</p>');
  });
  listeners.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { callbackUrl: `http://127.0.0.1:${port}/oauth/callback`, hits };
}

function send(
  emulator: Emulator,
  url: string,
  options: { method?: 'GET' | 'POST'; body?: string; contentType?: string } = {},
): Promise<Reply> {
  const isHttps = url.startsWith('https:');
  const body = options.body ?? '';
  return new Promise((resolve, reject) => {
    const requestOptions = {
      method: options.method ?? 'GET',
      agent: false as const,
      headers: body === '' ? {} : { 'content-type': options.contentType ?? 'application/json' },
    };
    const onResponse = (res: IncomingMessage): void => readReply(res, resolve, reject);
    const req = isHttps
      ? httpsRequest(url, { ...requestOptions, ca: emulator.certificate }, onResponse)
      : httpRequest(url, requestOptions, onResponse);
    req.on('error', reject);
    req.end(body);
  });
}

/** What a browser does with the authorize URL: load it and, on a redirect, load the target. */
async function browse(emulator: Emulator, url: string): Promise<{ page: Reply; redirectedTo: string | null }> {
  const page = await send(emulator, url);
  if (page.status >= 300 && page.status < 400 && typeof page.headers.location === 'string') {
    await send(emulator, page.headers.location);
    return { page, redirectedTo: page.headers.location };
  }
  return { page, redirectedTo: null };
}

function tokenQuery(emulator: Emulator, params: Record<string, string>): string {
  return `${emulator.oauth.tokenUrl}?${new URLSearchParams(params).toString()}`;
}

const exchangeCode = (emulator: Emulator, code: string, app: EmulatorOAuthApp = APP): Promise<Reply> =>
  send(
    emulator,
    tokenQuery(emulator, {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code,
    }),
  );

/** As the SDK does it: POST with a form body. */
const refresh = (emulator: Emulator, refreshToken: string, app: EmulatorOAuthApp = APP): Promise<Reply> =>
  send(emulator, emulator.oauth.tokenUrl, {
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      refresh_token: refreshToken,
    }).toString(),
  });

/** OAuth REST form: /rest/<method> with `auth` in the JSON body, as the SDK sends it. */
const restCall = (emulator: Emulator, method: string, params: Record<string, unknown>, auth?: string): Promise<Reply> =>
  send(emulator, `${emulator.origin}/rest/${method}`, {
    method: 'POST',
    body: JSON.stringify(auth === undefined ? params : { ...params, auth }),
  });

/** The code the listener received after a full browser round trip. */
async function authorizeAtLoopback(emulator: Emulator, state = 'st-1'): Promise<string> {
  const listener = await loopback();
  await browse(emulator, emulator.oauth.authorizeUrl({ state, redirectUri: listener.callbackUrl }));
  const code = listener.hits[0]?.get('code');
  if (!code) throw new Error('no code reached the loopback listener');
  return code;
}

const EXPIRED = { error: 'expired_token', error_description: 'The access token provided has expired.' };

describe('emulator OAuth: the whole flow, as a browser and a client drive it', () => {
  it('authorizes, redirects to the loopback listener, exchanges the code, calls REST, expires and refreshes', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const listener = await loopback();
    const host = `127.0.0.1:${emulator.port}`;

    // 1. The browser opens the authorize page and is sent on to the listener.
    const { page, redirectedTo } = await browse(
      emulator,
      emulator.oauth.authorizeUrl({ state: 'xyz-state 1', redirectUri: listener.callbackUrl }),
    );
    expect(page.status).toBe(302);
    expect(redirectedTo?.startsWith(`${listener.callbackUrl}?`)).toBe(true);
    expect(listener.hits).toHaveLength(1);
    const got = listener.hits[0]!;
    expect([...got.keys()]).toEqual(['code', 'state', 'domain', 'member_id', 'scope', 'server_domain']);
    expect(got.get('code')).toMatch(/^[0-9a-f]{70}$/);
    expect(got.get('state')).toBe('xyz-state 1');
    expect(got.get('domain')).toBe(host);
    expect(got.get('member_id')).toBe(DEMO_MEMBER_ID);
    expect(got.get('scope')).toBe('imopenlines,im,crm,user_brief');
    expect(got.get('server_domain')).toBe(host);

    // 2. The client exchanges the code at the token server.
    const before = Math.floor(Date.now() / 1000);
    const tokens = await exchangeCode(emulator, got.get('code')!);
    expect(tokens.status).toBe(200);
    expect(tokens.headers['content-type']).toMatch(/^application\/json/);
    expect(tokens.headers['cache-control']).toBe('no-store');
    expect(Object.keys(tokens.json)).toEqual([
      'access_token',
      'expires',
      'expires_in',
      'scope',
      'domain',
      'server_endpoint',
      'status',
      'client_endpoint',
      'member_id',
      'user_id',
      'refresh_token',
    ]);
    expect(tokens.json).toMatchObject({
      expires_in: 3600,
      scope: 'imopenlines,im,crm,user_brief',
      domain: host,
      server_endpoint: `${emulator.oauth.serverOrigin}/rest/`,
      client_endpoint: `${emulator.origin}/rest/`,
      member_id: DEMO_MEMBER_ID,
      user_id: 1,
      status: 'L',
    });
    expect(tokens.json.expires).toBeGreaterThanOrEqual(before + 3600);
    expect(tokens.json.expires).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    expect(tokens.json.access_token).toMatch(/^[0-9a-f]{70}$/);
    expect(tokens.json.refresh_token).not.toBe(tokens.json.access_token);

    // 3. The token opens the dialog, like a webhook would, for the token's user.
    const dialog = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, tokens.json.access_token);
    expect(dialog.status).toBe(200);
    expect(dialog.json.result.id).toBe(1777);
    expect(dialog.json.time.operating).toBeGreaterThan(0);
    expect(emulator.requests.at(-1)).toEqual({
      method: 'imopenlines.dialog.get',
      params: { CHAT_ID: 1777 },
      userId: 1,
      auth: 'oauth',
      status: 200,
      answeredInMs: expect.any(Number),
    });

    // 4. Once expired, the portal says so in its documented words.
    emulator.oauth.expireAccessTokens();
    const expired = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, tokens.json.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(EXPIRED);
    expect(emulator.requests.at(-1)).toMatchObject({ userId: null, auth: null, status: 401 });

    // 5. Refresh: a new pair, and the old refresh token is spent.
    const renewed = await refresh(emulator, tokens.json.refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.json.access_token).not.toBe(tokens.json.access_token);
    expect(renewed.json.refresh_token).not.toBe(tokens.json.refresh_token);
    expect(renewed.json).toMatchObject({ expires_in: 3600, user_id: 1, member_id: DEMO_MEMBER_ID });
    const again = await restCall(emulator, 'imopenlines.dialog.get', { DIALOG_ID: 'chat1777' }, renewed.json.access_token);
    expect(again.status).toBe(200);
    expect(again.json.result.id).toBe(1777);

    const reused = await refresh(emulator, tokens.json.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.json.error).toBe('invalid_grant');
    // The newest pair is untouched by the refused attempt.
    expect((await restCall(emulator, 'scope', {}, renewed.json.access_token)).status).toBe(200);

    expect(emulator.oauth.tokenRequests).toEqual([
      { grantType: 'authorization_code', clientId: APP.clientId, status: 200, error: null },
      { grantType: 'refresh_token', clientId: APP.clientId, status: 200, error: null },
      { grantType: 'refresh_token', clientId: APP.clientId, status: 400, error: 'invalid_grant' },
    ]);
    const issued = emulator.oauth.issuedTokens();
    expect(issued.map((t) => [t.grantType, t.rotated])).toEqual([
      ['authorization_code', true],
      ['refresh_token', false],
    ]);
    expect(issued[1]?.accessToken).toBe(renewed.json.access_token);
  });

  it('chains refreshes: each new refresh token works once', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    let pair = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    for (let i = 0; i < 3; i += 1) {
      const next = await refresh(emulator, pair.refresh_token);
      expect(next.status).toBe(200);
      pair = next.json;
    }
    expect((await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, pair.access_token)).status).toBe(200);
    expect(emulator.oauth.issuedTokens().map((t) => t.rotated)).toEqual([true, true, true, false]);
  });

  it('refuses the access token issued with a refresh token that has been exchanged', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const first = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    expect((await refresh(emulator, first.refresh_token)).status).toBe(200);
    const old = await restCall(emulator, 'scope', {}, first.access_token);
    expect(old.status).toBe(401);
    expect(old.json.error).toBe('invalid_token');
  });
});

describe('emulator OAuth: the authorize page', () => {
  it('shows an error page and redirects nowhere for an unknown client', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const listener = await loopback();
    const { page, redirectedTo } = await browse(
      emulator,
      emulator.oauth.authorizeUrl({ clientId: 'local.nobody.0', state: 's', redirectUri: listener.callbackUrl }),
    );
    expect(redirectedTo).toBeNull();
    expect(page.headers.location).toBeUndefined();
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toMatch(/Authorization error/);
    expect(page.text).not.toMatch(/[0-9a-f]{70}/);
    expect(listener.hits).toHaveLength(0);

    const noClient = await send(emulator, `${emulator.origin}/oauth/authorize/?state=s`);
    expect(noClient.status).toBe(200);
    expect(noClient.headers.location).toBeUndefined();
    expect(noClient.text).toMatch(/Authorization error/);
  });

  it('treats an app that is not installed as unknown, on the page and at the token server', async () => {
    const emulator = await start({ oauth: { apps: [{ ...APP, installed: false }] } });
    const listener = await loopback();
    const { redirectedTo, page } = await browse(emulator, emulator.oauth.authorizeUrl({ redirectUri: listener.callbackUrl }));
    expect(redirectedTo).toBeNull();
    expect(page.text).toMatch(/not installed/);
    const token = await refresh(emulator, 'anything');
    expect(token.status).toBe(401);
    expect(token.json.error).toBe('invalid_client');
  });

  it('refuses redirect targets that are not http(s), issuing no code', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const page = await send(emulator, emulator.oauth.authorizeUrl({ redirectUri: 'javascript:alert(1)' }));
    expect(page.status).toBe(200);
    expect(page.headers.location).toBeUndefined();
    expect(page.text).toMatch(/not a valid http\(s\) URL/);
    expect(emulator.oauth.issuedTokens()).toHaveLength(0);
  });

  it('keeps the redirect target’s own query and always sends state, even empty', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const listener = await loopback();
    const target = `${listener.callbackUrl}?account=7`;
    await browse(emulator, emulator.oauth.authorizeUrl({ redirectUri: target }));
    expect(listener.hits[0]?.get('account')).toBe('7');
    expect(listener.hits[0]?.get('state')).toBe('');
    expect(listener.hits[0]?.get('code')).toMatch(/^[0-9a-f]{70}$/);
  });

  it('uses the registered handler without redirect_uri, and always when the portal ignores redirect_uri', async () => {
    const handler = await loopback();
    const other = await loopback();
    const emulator = await start({
      oauth: {
        apps: [
          { ...APP, redirectUri: handler.callbackUrl },
          { ...APP, clientId: 'local.strict.1', redirectUri: handler.callbackUrl, ignoresRedirectUri: true },
        ],
      },
    });
    await browse(emulator, emulator.oauth.authorizeUrl({ state: 'a' }));
    await browse(emulator, emulator.oauth.authorizeUrl({ clientId: 'local.strict.1', state: 'b', redirectUri: other.callbackUrl }));
    await browse(emulator, emulator.oauth.authorizeUrl({ state: 'c', redirectUri: other.callbackUrl }));
    expect(handler.hits.map((q) => q.get('state'))).toEqual(['a', 'b']);
    expect(other.hits.map((q) => q.get('state'))).toEqual(['c']);
  });

  it('shows the code on a page when the app has no handler and none is given, and that code works', async () => {
    const emulator = await start();
    const page = await send(emulator, emulator.oauth.authorizeUrl({ state: 's' }));
    expect(page.status).toBe(200);
    expect(page.headers.location).toBeUndefined();
    const code = /<code id="code">([0-9a-f]{70})<\/code>/.exec(page.text)?.[1];
    expect(code).toBeDefined();
    const tokens = await exchangeCode(emulator, code!, DEMO_OAUTH_APP);
    expect(tokens.status).toBe(200);
    expect(tokens.json.scope).toBe(DEMO_OAUTH_APP.scopes.join(','));
  });

  it('answers authorize and token paths with or without the trailing slash, and nothing else under /oauth/', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const bare = await send(emulator, `${emulator.origin}/oauth/authorize?client_id=${APP.clientId}&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb`);
    expect(bare.status).toBe(302);
    const token = await send(emulator, `${emulator.origin}/oauth/token?grant_type=refresh_token`);
    expect(token.json.error).toBe('invalid_client');
    expect((await send(emulator, `${emulator.origin}/oauth/revoke/`)).status).toBe(404);
  });
});

describe('emulator OAuth: the token server', () => {
  it('refuses a code used twice', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const code = await authorizeAtLoopback(emulator);
    expect((await exchangeCode(emulator, code)).status).toBe(200);
    const second = await exchangeCode(emulator, code);
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({ error: 'invalid_grant' });
    expect(typeof second.json.error_description).toBe('string');
  });

  it('refuses a code 30 s old, but not one a moment younger; a refused stale code stays dead', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const emulator = await start({ oauth: { apps: [APP], now: () => now } });
    const young = await authorizeAtLoopback(emulator, 'young');
    now += 29_999;
    expect((await exchangeCode(emulator, young)).status).toBe(200);

    const old = await authorizeAtLoopback(emulator, 'old');
    now += 30_000;
    const refused = await exchangeCode(emulator, old);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toBe('invalid_grant');
    now -= 30_000;
    expect((await exchangeCode(emulator, old)).json.error).toBe('invalid_grant');
  });

  it('answers invalid_client for a wrong secret or an unknown client, without spending the code', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const code = await authorizeAtLoopback(emulator);
    const wrongSecret = await exchangeCode(emulator, code, { ...APP, clientSecret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.json.error).toBe('invalid_client');
    const unknown = await exchangeCode(emulator, code, { ...APP, clientId: 'local.unknown.0' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toBe('invalid_client');
    expect((await exchangeCode(emulator, code)).status).toBe(200);
  });

  it('does not let one app redeem another app’s code or refresh token', async () => {
    const other: EmulatorOAuthApp = { clientId: 'local.other.2', clientSecret: 'other-secret', scopes: ['crm'] };
    const emulator = await start({ oauth: { apps: [APP, other] } });
    const code = await authorizeAtLoopback(emulator);
    expect((await exchangeCode(emulator, code, other)).json.error).toBe('invalid_grant');
    const tokens = (await exchangeCode(emulator, code)).json;
    expect((await refresh(emulator, tokens.refresh_token, other)).json.error).toBe('invalid_grant');
    expect((await refresh(emulator, tokens.refresh_token)).status).toBe(200);
  });

  it('answers invalid_request for a missing code, refresh token or grant type', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const base = { client_id: APP.clientId, client_secret: APP.clientSecret };
    for (const params of [
      { ...base, grant_type: 'authorization_code' },
      { ...base, grant_type: 'refresh_token' },
      { ...base },
      { ...base, grant_type: 'password' },
    ]) {
      const reply = await send(emulator, tokenQuery(emulator, params));
      expect(reply.status, JSON.stringify(params)).toBe(400);
      expect(reply.json.error).toBe('invalid_request');
    }
  });

  it('accepts POST with a JSON body too', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const code = await authorizeAtLoopback(emulator);
    const reply = await send(emulator, emulator.oauth.tokenUrl, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'authorization_code', client_id: APP.clientId, client_secret: APP.clientSecret, code }),
    });
    expect(reply.status).toBe(200);
  });

  it('refuses an expired refresh token with invalid_grant', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const tokens = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    emulator.oauth.expireRefreshTokens();
    const reply = await refresh(emulator, tokens.refresh_token);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toBe('invalid_grant');
    // The access token still lives out its hour.
    expect((await restCall(emulator, 'scope', {}, tokens.access_token)).status).toBe(200);
  });

  it('lets the refresh-token lifetime be configured', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const emulator = await start({ oauth: { apps: [APP], now: () => now, refreshTokenLifetimeSeconds: 60 } });
    const tokens = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    now += 60_000;
    expect((await refresh(emulator, tokens.refresh_token)).json.error).toBe('invalid_grant');
  });
});

describe('emulator OAuth: REST with an access token', () => {
  it('expires tokens after the configured lifetime, to the second', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const emulator = await start({ oauth: { apps: [APP], now: () => now, accessTokenLifetimeSeconds: 5 } });
    const tokens = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    expect(tokens.expires_in).toBe(5);
    expect(tokens.expires).toBe(Math.floor(now / 1000) + 5);
    now += 4_999;
    expect((await restCall(emulator, 'scope', {}, tokens.access_token)).status).toBe(200);
    now += 1;
    const expired = await restCall(emulator, 'scope', {}, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(EXPIRED);
  });

  it('expires a one-second token on the real clock', async () => {
    const emulator = await start({ oauth: { apps: [APP], accessTokenLifetimeSeconds: 1 } });
    const tokens = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    expect(tokens.expires_in).toBe(1);
    expect((await restCall(emulator, 'scope', {}, tokens.access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await restCall(emulator, 'scope', {}, tokens.access_token)).json).toEqual(EXPIRED);
  });

  it('rejects lifetimes that are not whole seconds of at least one', async () => {
    await expect(startEmulator({ oauth: { accessTokenLifetimeSeconds: 0 } })).rejects.toThrow(RangeError);
    await expect(startEmulator({ oauth: { codeLifetimeSeconds: 0.5 } })).rejects.toThrow(RangeError);
  });

  it('answers NO_AUTH_FOUND without a token and invalid_token for one it never issued', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const missing = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' });
    const empty = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, '');
    expect(empty.json.error).toBe('NO_AUTH_FOUND');
    const forged = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, 'f'.repeat(70));
    expect(forged.status).toBe(401);
    expect(forged.json).toEqual({ error: 'invalid_token', error_description: 'The access token provided is invalid.' });
    // A webhook key is not an access token.
    const key = await restCall(emulator, 'scope', {}, 'demo0inspector0key');
    expect(key.json.error).toBe('invalid_token');
  });

  it('takes the token from the query string too, with GET, and from a form body', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const { access_token: token } = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    const viaQuery = await send(emulator, `${emulator.origin}/rest/imopenlines.dialog.get.json?CHAT_ID=1777&auth=${token}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.json.result.id).toBe(1777);
    const viaForm = await send(emulator, `${emulator.origin}/rest/imopenlines.dialog.get`, {
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: `DIALOG_ID=chat1777&auth=${token}`,
    });
    expect(viaForm.json.result.id).toBe(1777);
    expect(emulator.requests.map((r) => r.params)).toEqual([{ CHAT_ID: '1777' }, { DIALOG_ID: 'chat1777' }]);
  });

  it('grants exactly the app’s scopes and acts as the signed-in user', async () => {
    const crmOnly: EmulatorOAuthApp = { clientId: 'local.crm.3', clientSecret: 'crm-secret', scopes: ['crm'] };
    const emulator = await start({ oauth: { apps: [APP, crmOnly], userId: 5 } });
    const listener = await loopback();
    await browse(emulator, emulator.oauth.authorizeUrl({ clientId: crmOnly.clientId, redirectUri: listener.callbackUrl }));
    expect(listener.hits[0]?.get('scope')).toBe('crm');
    const crmTokens = (await exchangeCode(emulator, listener.hits[0]!.get('code')!, crmOnly)).json;
    expect(crmTokens).toMatchObject({ scope: 'crm', user_id: 5 });
    expect((await restCall(emulator, 'scope', {}, crmTokens.access_token)).json.result).toEqual(['crm']);
    const refused = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: 1777 }, crmTokens.access_token);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('insufficient_scope');

    // Chat 2999 is denied to user 1 only; user 5 may open it.
    const full = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    const denied = await restCall(emulator, 'imopenlines.dialog.get', { CHAT_ID: DEMO_IDS.deniedChatId }, full.access_token);
    expect(denied.status).toBe(200);
    expect(emulator.requests.at(-1)).toMatchObject({ userId: 5, auth: 'oauth' });
  });

  it('runs batch with the token, and applies faults and the rate limit after authentication', async () => {
    const emulator = await start({ oauth: { apps: [APP] }, rateLimit: { burst: 2, drainPerSecond: 0.001 } });
    const { access_token: token } = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    const batch = await restCall(emulator, 'batch', { cmd: { d: 'imopenlines.dialog.get?CHAT_ID=1777', s: 'scope' } }, token);
    expect(batch.status).toBe(200);
    expect(batch.json.result.result.d.id).toBe(1777);

    emulator.injectFault({ kind: 'error', code: 'OVERLOAD_LIMIT' });
    expect((await restCall(emulator, 'scope', {})).json.error).toBe('NO_AUTH_FOUND');
    expect((await restCall(emulator, 'scope', {}, token)).json.error).toBe('OVERLOAD_LIMIT');
    expect((await restCall(emulator, 'scope', {}, token)).status).toBe(200);
    const limited = await restCall(emulator, 'scope', {}, token);
    expect(limited.status).toBe(503);
    expect(limited.json.error).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('leaves webhooks working beside OAuth, and the token server outside the REST log', async () => {
    const emulator = await start({ oauth: { apps: [APP] } });
    const { access_token: token } = (await exchangeCode(emulator, await authorizeAtLoopback(emulator))).json;
    const hook = await send(emulator, `${emulator.webhookUrl()}scope`, { method: 'POST' });
    expect(hook.status).toBe(200);
    expect((await restCall(emulator, 'scope', {}, token)).status).toBe(200);
    expect(emulator.requests.map((r) => [r.method, r.auth, r.userId])).toEqual([
      ['scope', 'webhook', 1],
      ['scope', 'oauth', 1],
    ]);
  });
});
