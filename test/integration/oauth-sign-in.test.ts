// A whole OAuth sign-in against the emulator over real HTTPS, driven the way
// the system browser would: open the authorize URL, follow its redirect to our
// loopback listener, and see the code exchanged and the token work on REST.
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { inLanguage } from '../../main/core/i18n';
import { DEMO_MEMBER_ID, startEmulator, type Emulator, type EmulatorOAuthApp } from '../../main/emulator/index';
import { startLoopbackListener, type LoopbackListener } from '../../main/oauth/loopback-listener';
import { newState } from '../../main/oauth/authorize-url';
import { startSignIn, type SignInFlow, type SignInOptions } from '../../main/oauth/sign-in-flow';
import { createTokenClient } from '../../main/oauth/token-client';
import {
  answerJson,
  callScope,
  connectError,
  get,
  openAuthorizePage,
  rejection,
  settledYet,
  startLocalHttps,
  stillPendingAfter,
  tokenAnswer,
  type LocalHttpsServer,
} from './oauth-support';

const APP: EmulatorOAuthApp = {
  clientId: 'local.65f0a1b2c3d4e5.12345678',
  clientSecret: 'Secr3tOfTheLocalApp0000000000000000000000000000',
  scopes: ['imopenlines', 'im', 'crm', 'user_brief'],
};

const emulators: Emulator[] = [];
const flows: SignInFlow[] = [];
const listeners: LoopbackListener[] = [];
const blockers: net.Server[] = [];
const tokenServers: LocalHttpsServer[] = [];

afterEach(async () => {
  await Promise.all(flows.splice(0).map((flow) => flow.cancel()));
  await Promise.all(tokenServers.splice(0).map((server) => server.close()));
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
  await Promise.all(blockers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

async function emulator(apps: EmulatorOAuthApp[] = [APP]): Promise<Emulator> {
  const started = await startEmulator({ rateLimit: false, oauth: { apps } });
  emulators.push(started);
  return started;
}

async function signIn(portal: Emulator, options: Partial<SignInOptions> = {}): Promise<SignInFlow> {
  const flow = await startSignIn({
    portal: portal.origin,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    oauthServer: portal.oauth.serverOrigin,
    extraCertificates: [portal.certificate],
    port: 0,
    ...options,
  });
  flows.push(flow);
  return flow;
}

async function listen(options: { state?: string; port?: number; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<LoopbackListener> {
  const listener = await startLoopbackListener({ state: options.state ?? newState(), port: 0, ...options });
  listeners.push(listener);
  return listener;
}

describe('signing in through the loopback listener', () => {
  it('goes from the authorize URL to a working access token, and releases the port', async () => {
    const portal = await emulator();
    const flow = await signIn(portal);
    expect(flow.redirectUri).toBe(`http://127.0.0.1:${flow.port}/oauth/callback`);
    const authorize = new URL(flow.authorizeUrl);
    expect(authorize.origin).toBe(portal.origin);
    expect(authorize.pathname).toBe('/oauth/authorize/');
    expect(authorize.searchParams.get('redirect_uri')).toBe(flow.redirectUri);

    const location = await openAuthorizePage(flow.authorizeUrl, portal.certificate);
    expect(location.startsWith(`${flow.redirectUri}?`)).toBe(true);
    const landing = await get(location);
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('<h1>Signed in</h1>');
    expect(landing.text).toContain('You can close this tab and return to Open Lines Inspector');
    // Said only once the code had become tokens.
    expect(await settledYet(flow.result)).toBe('settled');

    const result = await flow.result;
    expect(result.via).toBe('loopback');
    expect(result.portal).toEqual({ origin: portal.origin, host: `127.0.0.1:${portal.port}` });
    expect(result.serverOrigin).toBe(portal.oauth.serverOrigin);
    expect(result.reported).toEqual({
      domain: `127.0.0.1:${portal.port}`,
      memberId: DEMO_MEMBER_ID,
      serverDomain: `127.0.0.1:${portal.port}`,
      scope: APP.scopes.join(','),
    });
    const issued = portal.oauth.issuedTokens();
    expect(issued).toHaveLength(1);
    expect(result.tokens).toMatchObject({
      accessToken: issued[0]!.accessToken,
      refreshToken: issued[0]!.refreshToken,
      memberId: DEMO_MEMBER_ID,
      scope: APP.scopes,
      userId: 1,
      clientEndpoint: `${portal.origin}/rest/`,
    });
    expect(portal.oauth.tokenRequests).toEqual([{ grantType: 'authorization_code', clientId: APP.clientId, status: 200, error: null }]);

    expect(await callScope(portal.origin, portal.certificate, result.tokens.accessToken)).toEqual(APP.scopes);
    expect(await connectError(flow.port!)).toBe('ECONNREFUSED');
  });

  it('answers the browser with a self-contained page under a strict CSP', async () => {
    const portal = await emulator();
    const flow = await signIn(portal);
    const landing = await get(await openAuthorizePage(flow.authorizeUrl, portal.certificate));
    expect(landing.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = landing.headers['content-security-policy'];
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; /);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toContain('unsafe');
    expect(landing.headers['cache-control']).toBe('no-store');
    expect(landing.headers['referrer-policy']).toBe('no-referrer');
    expect(landing.headers['x-content-type-options']).toBe('nosniff');
    expect(landing.text).not.toMatch(/<script|<link|<img|src=|href=/i);
    // The style that is there is exactly the one the CSP hash allows.
    const style = /<style>([^<]*)<\/style>/.exec(landing.text)?.[1] ?? '';
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    await flow.result;
  });

  it('refuses a redirect with another state, keeps waiting, and takes the real one', async () => {
    const portal = await emulator();
    const flow = await signIn(portal);
    const forged = await get(`${flow.redirectUri}?code=${'f'.repeat(70)}&state=${newState()}`);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('not the current one');
    const missing = await get(`${flow.redirectUri}?code=${'f'.repeat(70)}`);
    expect(missing.status).toBe(400);
    expect(await settledYet(flow.result)).toBe('pending');
    expect(portal.oauth.tokenRequests).toHaveLength(0);

    await get(await openAuthorizePage(flow.authorizeUrl, portal.certificate));
    expect((await flow.result).via).toBe('loopback');
  });

  it('ends with invalid_client when the secret is wrong, and tells the browser the sign-in failed', async () => {
    const portal = await emulator();
    const flow = await signIn(portal, { clientSecret: 'not-the-secret' });
    const location = await openAuthorizePage(flow.authorizeUrl, portal.certificate);
    const landing = await get(location);
    const error = await rejection(flow.result);
    expect(error.envelope.code).toBe('OAUTH_INVALID_CLIENT');
    expect(error.envelope.status).toBe(401);
    expect(JSON.stringify(error.envelope)).not.toContain('not-the-secret');

    expect(landing.status).toBe(502);
    expect(landing.text).toContain('<main class="bad"><h1>Sign-in failed</h1>');
    expect(landing.text).toContain(`<strong>${error.envelope.title}</strong>`);
    expect(landing.text).toContain('did not accept the application’s client id and secret');
    expect(landing.text).toContain('Go back to Open Lines Inspector');
    expect(landing.text).not.toContain('Signed in');
    expect(landing.text).not.toContain('not-the-secret');
    expect(landing.text).not.toContain(new URL(location).searchParams.get('code'));
  });

  it('words the failure page in the language the sign-in began in', async () => {
    const portal = await emulator();
    const flow = await inLanguage('ru', () => signIn(portal, { clientSecret: 'not-the-secret' }));
    const landing = await get(await openAuthorizePage(flow.authorizeUrl, portal.certificate));
    expect(landing.text).toContain('<html lang="ru">');
    expect(landing.text).toContain('<h1>Войти не удалось</h1>');
    expect(landing.text).toContain('Вернитесь в Open Lines Inspector');
    expect((await rejection(flow.result)).envelope.code).toBe('OAUTH_INVALID_CLIENT');
  });

  it('checks everything before taking the port', async () => {
    const portal = await emulator();
    const base = { clientId: APP.clientId, clientSecret: APP.clientSecret, port: 0 };
    expect((await rejection(startSignIn({ ...base, portal: portal.origin.replace('https:', 'http:') }))).envelope.code).toBe('INVALID_PORTAL_URL');
    expect((await rejection(startSignIn({ ...base, portal: portal.origin, clientSecret: ' ' }))).envelope.code).toBe('OAUTH_INVALID_CLIENT');
    expect((await rejection(startSignIn({ ...base, portal: portal.origin, oauthServer: 'http://127.0.0.1:9' }))).envelope.code).toBe(
      'OAUTH_INVALID_SERVER',
    );
  });
});

/** A sign-in whose token server the test answers by hand; the browser's visit is made up, as the portal plays no part. */
async function signInAgainst(tokenServer: LocalHttpsServer): Promise<{ flow: SignInFlow; visit(code: string): Promise<Awaited<ReturnType<typeof get>>> }> {
  const flow = await startSignIn({
    portal: 'https://portal.example',
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    oauthServer: tokenServer.origin,
    extraCertificates: [tokenServer.certificate],
    port: 0,
  });
  flows.push(flow);
  const state = new URL(flow.authorizeUrl).searchParams.get('state')!;
  return { flow, visit: (code) => get(`${flow.redirectUri}?${new URLSearchParams({ code, state })}`) };
}

async function tokenServer(): Promise<LocalHttpsServer> {
  const started = await startLocalHttps();
  tokenServers.push(started);
  return started;
}

describe('the browser’s page after the redirect', () => {
  it('waits while the token server has not answered, then says signed in', async () => {
    const server = await tokenServer();
    const { flow, visit } = await signInAgainst(server);
    const page = visit('a'.repeat(70));
    const exchange = await server.nextRequest();
    expect(new URLSearchParams(exchange.body).get('code')).toBe('a'.repeat(70));
    expect(await stillPendingAfter(page, 300)).toBe('pending');

    answerJson(exchange.res, 200, tokenAnswer());
    const landing = await page;
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('<h1>Signed in</h1>');
    expect((await flow.result).via).toBe('loopback');
    expect(await connectError(flow.port!)).toBe('ECONNREFUSED');
  });

  it('names a refused code once the token server refuses it', async () => {
    const server = await tokenServer();
    const { flow, visit } = await signInAgainst(server);
    const page = visit('b'.repeat(70));
    answerJson((await server.nextRequest()).res, 400, { error: 'invalid_grant', error_description: `code ${'b'.repeat(70)} expired` });
    const landing = await page;
    expect(landing.status).toBe(502);
    expect(landing.text).toContain('<h1>Sign-in failed</h1>');
    expect(landing.text).toContain('The authorization code was refused');
    expect(landing.text).not.toContain('b'.repeat(70));
    expect((await rejection(flow.result)).envelope.code).toBe('OAUTH_SIGN_IN_AGAIN');
  });

  it('says the sign-in was cancelled when it is cancelled while the page waits', async () => {
    const server = await tokenServer();
    const { flow, visit } = await signInAgainst(server);
    const page = visit('c'.repeat(70));
    await server.nextRequest();
    expect(await stillPendingAfter(page, 100)).toBe('pending');

    await flow.cancel();
    const landing = await page;
    expect(landing.status).toBe(410);
    expect(landing.text).toContain('<h1>Sign-in cancelled</h1>');
    expect(landing.text).not.toContain('Signed in');
    expect((await rejection(flow.result)).envelope.code).toBe('OAUTH_CANCELLED');
    expect(await connectError(flow.port!)).toBe('ECONNREFUSED');
  });

  it('says signed in when a pasted code wins while the browser’s code is still being exchanged', async () => {
    const server = await tokenServer();
    const { flow, visit } = await signInAgainst(server);
    const page = visit('d'.repeat(70));
    const browsers = await server.nextRequest();
    const pasted = flow.submitPastedCode('e'.repeat(70));
    const pastes = await server.nextRequest();
    expect(new URLSearchParams(pastes.body).get('code')).toBe('e'.repeat(70));
    expect(await stillPendingAfter(page, 100)).toBe('pending');

    answerJson(pastes.res, 200, tokenAnswer());
    expect((await pasted).via).toBe('paste');
    const landing = await page;
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('<h1>Signed in</h1>');
    // The loser's answer comes too late to change anything.
    answerJson(browsers.res, 400, { error: 'invalid_grant' });
    expect((await flow.result).via).toBe('paste');
  });
});

describe('the paste fallback', () => {
  it('takes the whole redirected address, checks its state, and closes the listener', async () => {
    const portal = await emulator();
    const flow = await signIn(portal);
    // The browser could not reach the listener; the user copies the address bar instead.
    const location = await openAuthorizePage(flow.authorizeUrl, portal.certificate);
    const wrong = new URL(location);
    wrong.searchParams.set('state', newState());
    expect((await rejection(flow.submitPastedCode(wrong.href))).envelope.code).toBe('OAUTH_STATE_MISMATCH');
    expect((await rejection(flow.submitPastedCode('hello there'))).envelope.code).toBe('OAUTH_PASTE_NOT_RECOGNISED');
    expect(portal.oauth.tokenRequests).toHaveLength(0);

    const result = await flow.submitPastedCode(location);
    expect(result.via).toBe('paste');
    expect(result.reported.memberId).toBe(DEMO_MEMBER_ID);
    expect(await flow.result).toBe(result);
    expect(await callScope(portal.origin, portal.certificate, result.tokens.accessToken)).toEqual(APP.scopes);
    expect(await connectError(flow.port!)).toBe('ECONNREFUSED');
  });

  it('takes a bare code from the portal’s code page, without a listener', async () => {
    const portal = await emulator();
    const flow = await signIn(portal, { listen: false });
    expect(flow.port).toBeUndefined();
    expect(new URL(flow.authorizeUrl).searchParams.has('redirect_uri')).toBe(false);
    const page = await get(flow.authorizeUrl, { ca: portal.certificate });
    const code = /<code id="code">([0-9a-f]+)<\/code>/.exec(page.text)?.[1];
    expect(code).toBeDefined();
    const result = await flow.submitPastedCode(`  ${code}\n`);
    expect(result.via).toBe('paste');
    expect(result.reported).toEqual({ domain: undefined, memberId: undefined, serverDomain: undefined, scope: undefined });
    expect(await callScope(portal.origin, portal.certificate, result.tokens.accessToken)).toEqual(APP.scopes);
  });

  it('lets the user paste again after a refused code, and a code works only once', async () => {
    const portal = await emulator();
    const flow = await signIn(portal, { listen: false });
    const code = /<code id="code">([0-9a-f]+)<\/code>/.exec((await get(flow.authorizeUrl, { ca: portal.certificate })).text)![1]!;
    const client = createTokenClient({
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      serverOrigin: portal.oauth.serverOrigin,
      extraCertificates: [portal.certificate],
    });
    await client.exchangeCode(code);
    const reused = await rejection(flow.submitPastedCode(code));
    expect(reused.envelope.code).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(reused.envelope.message).toMatch(/30 seconds/);
    expect(await settledYet(flow.result)).toBe('pending');

    const fresh = /<code id="code">([0-9a-f]+)<\/code>/.exec((await get(flow.authorizeUrl, { ca: portal.certificate })).text)![1]!;
    expect((await flow.submitPastedCode(fresh)).via).toBe('paste');
  });

  it('stops waiting for a paste after the timeout', async () => {
    const portal = await emulator();
    const flow = await signIn(portal, { listen: false, timeoutMs: 20 });
    expect((await rejection(flow.result)).envelope.code).toBe('OAUTH_TIMEOUT');
  });
});

describe('the loopback listener', () => {
  it('says which port is taken and how to choose another', async () => {
    const blocker = net.createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const error = await rejection(startLoopbackListener({ state: newState(), port }));
    expect(error.envelope.code).toBe('OAUTH_PORT_IN_USE');
    expect(error.envelope.message).toContain(`Port ${port} on 127.0.0.1`);
    expect(error.envelope.action).toMatch(/--port N/);
    expect(error.envelope.action).toContain('http://127.0.0.1:N/oauth/callback');

    const portal = await emulator();
    const flowError = await rejection(
      startSignIn({ portal: portal.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, port }),
    );
    expect(flowError.envelope.code).toBe('OAUTH_PORT_IN_USE');
  });

  it('gives up after its timeout and lets the port go', async () => {
    const listener = await listen({ timeoutMs: 20 });
    const error = await rejection(listener.callback);
    expect(error.envelope.code).toBe('OAUTH_TIMEOUT');
    await listener.closed;
    expect(await connectError(listener.port)).toBe('ECONNREFUSED');
  });

  it('stops on abort and lets the port go', async () => {
    const controller = new AbortController();
    const listener = await listen({ signal: controller.signal });
    expect(await connectError(listener.port)).toBeNull();
    controller.abort();
    expect((await rejection(listener.callback)).envelope.code).toBe('OAUTH_CANCELLED');
    await listener.closed;
    expect(await connectError(listener.port)).toBe('ECONNREFUSED');
  });

  it('cancelling a sign-in lets its port go', async () => {
    const portal = await emulator();
    const flow = await signIn(portal);
    await flow.cancel();
    expect((await rejection(flow.result)).envelope.code).toBe('OAUTH_CANCELLED');
    expect(await connectError(flow.port!)).toBe('ECONNREFUSED');
  });

  it('rejects on an error redirect, showing the portal’s words as text', async () => {
    const state = newState();
    const listener = await listen({ state });
    const description = '<script>alert("x")</script> & more';
    const reply = await get(`${listener.redirectUri}?${new URLSearchParams({ error: 'access_denied', error_description: description, state })}`);
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain('<script>');
    expect(reply.text).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more');
    const error = await rejection(listener.callback);
    expect(error.envelope.code).toBe('OAUTH_DENIED');
    expect(error.envelope.message).toContain('access_denied');
    expect(error.envelope.portalDescription).toBe(description);
  });

  it('answers only its own path and host, and keeps waiting', async () => {
    const state = newState();
    const listener = await listen({ state });
    const query = `code=${'c'.repeat(70)}&state=${state}`;
    expect((await get(`http://127.0.0.1:${listener.port}/favicon.ico`)).status).toBe(404);
    // DNS rebinding: the right state, but the browser was on another site's name.
    const rebound = await get(`${listener.redirectUri}?${query}`, { headers: { host: `attacker.example:${listener.port}` } });
    expect(rebound.status).toBe(400);
    expect(await settledYet(listener.callback)).toBe('pending');

    const viaLocalhost = await get(`${listener.redirectUri}?${query}&domain=a.bitrix24.com`, { headers: { host: `localhost:${listener.port}` } });
    expect(viaLocalhost.status).toBe(200);
    expect(await listener.callback).toEqual({
      code: 'c'.repeat(70),
      domain: 'a.bitrix24.com',
      memberId: undefined,
      serverDomain: undefined,
      scope: undefined,
    });
  });
});
