// Accounts through the app's own handlers (the dispatcher the IPC shell uses),
// against the emulator over HTTPS: a webhook and an OAuth sign-in driven the
// way the system browser would, switching, renaming, removing, "sign in
// again", and no secret in anything the window could ever receive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary, ConnectionState, LookupResult, OAuthPending, Result } from '../../preload/api-contract';
import { DEMO_WEBHOOK, startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { APP, get, openAuthorizePage } from './oauth-support';

/** An application created without the imopenlines scope. */
const NARROW_APP = { clientId: 'local.65f0a1b2c3d4e5.87654321', clientSecret: 'Secr3tOfTheNarrowApp00000000000000000000000000', scopes: ['im', 'user_brief'] };

let emulator: Emulator;
let harness: Harness;
/** Every answer the window received in a test, as it would cross IPC. */
let answers: string[];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, oauth: { apps: [APP, NARROW_APP] } });
});
afterAll(() => emulator.close());
afterEach(async () => {
  // No answer may carry a secret: the webhook key, the client secret, any token issued.
  const secrets = [DEMO_WEBHOOK.key, APP.clientSecret, ...emulator.oauth.issuedTokens().flatMap((t) => [t.accessToken, t.refreshToken])];
  for (const answer of answers) for (const secret of secrets) expect(answer).not.toContain(secret);
  await harness?.dispose();
});

async function call<T>(channel: string, args?: unknown): Promise<T> {
  const result = (await harness.api.dispatch(channel, args)) as Result<T>;
  answers.push(JSON.stringify(result));
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}: ${result.error.message}`), { envelope: result.error });
  return result.value;
}

async function failure(channel: string, args?: unknown): Promise<{ code: string; message: string; action: string }> {
  const result = await harness.api.dispatch(channel, args);
  answers.push(JSON.stringify(result));
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error;
}

async function start(): Promise<void> {
  answers = [];
  harness = await startHarness(emulator);
}

const host = () => new URL(emulator.origin).host;
const lookUp = (input = 'chat1777') => call<LookupResult>('lookup:run', { input, numberAs: 'chat' });

/** What the system browser does with the address main opened: sign in, follow the redirect home. */
async function browserSignsIn(): Promise<URL> {
  const opened = harness.opened.at(-1)!;
  const callback = new URL(await openAuthorizePage(opened, emulator.certificate));
  expect((await get(callback.href)).status).toBe(200);
  return callback;
}

async function signInWithOAuth(name?: string): Promise<ConnectionState> {
  const pending = await call<OAuthPending>('oauth:begin', {
    portal: emulator.origin,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    oauthServer: emulator.oauth.serverOrigin,
    port: 0,
    ...(name ? { name } : {}),
  });
  expect(harness.opened.at(-1)).toBe(pending.authorizeUrl);
  expect(pending.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
  const finished = call<ConnectionState>('oauth:finish');
  await browserSignsIn();
  return finished;
}

describe('accounts in the app', () => {
  it('signs in with OAuth in the system browser, saves the account, and looks up with it', async () => {
    await start();
    const state = await signInWithOAuth('Emulated OAuth');
    expect(state).toMatchObject({
      kind: 'oauth',
      portal: { origin: emulator.origin, host: host(), demo: false },
      account: { name: 'Emulated OAuth', kind: 'oauth', state: 'ready', current: true, clientId: APP.clientId },
    });
    const opened = new URL(harness.opened.at(-1)!);
    expect(opened.origin).toBe(emulator.origin);
    expect(opened.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:/);

    expect((await lookUp()).dialog.id).toBe(1777);
    expect(emulator.requests.at(-1)).toMatchObject({ auth: 'oauth', status: 200 });
    // Remembered by the next start.
    const again = harness.reopen();
    expect(await again.dispatch('connection:get', undefined)).toMatchObject({ ok: true, value: { kind: 'oauth', account: { name: 'Emulated OAuth' } } });
  });

  it('takes a pasted address when the browser cannot come back, and refuses one from another sign-in', async () => {
    await start();
    await call<OAuthPending>('oauth:begin', { portal: emulator.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, oauthServer: emulator.oauth.serverOrigin, port: 0 });
    const finished = call<ConnectionState>('oauth:finish');
    const callback = new URL(await openAuthorizePage(harness.opened.at(-1)!, emulator.certificate));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'another-attempt');
    expect((await failure('oauth:paste', { text: forged.href })).code).toBe('OAUTH_STATE_MISMATCH');
    expect(await call('oauth:paste', { text: callback.href })).toBeNull();
    expect((await finished).kind).toBe('oauth');
  });

  it('refuses an application without the imopenlines scope, saying it is the application, and keeps nothing', async () => {
    await start();
    await call<OAuthPending>('oauth:begin', { portal: emulator.origin, clientId: NARROW_APP.clientId, clientSecret: NARROW_APP.clientSecret, oauthServer: emulator.oauth.serverOrigin, port: 0 });
    const finished = failure('oauth:finish');
    await browserSignsIn();
    const refused = await finished;
    expect(refused.code).toBe('APPLICATION_SCOPE_MISSING');
    expect(refused.message).toContain('(its scopes: im, user_brief)');
    expect(refused.action).toMatch(/Local application.*sign in again/);
    expect(refused.action).not.toMatch(/webhook/i);
    expect(await call<AccountSummary[]>('accounts:list')).toEqual([]);
  });

  it('cancels a sign-in in progress: finish says so and the port is let go', async () => {
    await start();
    const pending = await call<OAuthPending>('oauth:begin', { portal: emulator.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, oauthServer: emulator.oauth.serverOrigin, port: 0 });
    const finished = failure('oauth:finish');
    await call('oauth:cancel');
    expect((await finished).code).toBe('OAUTH_CANCELLED');
    await expect(fetch(pending.redirectUri!)).rejects.toThrow();
    expect(await call<AccountSummary[]>('accounts:list')).toEqual([]);
  });

  it('keeps a webhook and an OAuth account side by side; switch, rename, remove', async () => {
    await start();
    const hook = await call<ConnectionState>('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support hook' });
    const oauth = await signInWithOAuth();
    expect((await call<AccountSummary[]>('accounts:list')).map((account) => [account.name, account.kind, account.current])).toEqual([
      ['Support hook', 'webhook', false],
      [host(), 'oauth', true],
    ]);

    const switched = await call<ConnectionState>('accounts:use', { id: hook.account!.id });
    expect(switched).toMatchObject({ kind: 'webhook', userId: DEMO_WEBHOOK.userId, account: { name: 'Support hook', current: true } });
    await lookUp();
    expect(emulator.requests.at(-1)).toMatchObject({ auth: 'webhook' });

    const renamed = await call<AccountSummary[]>('accounts:rename', { id: oauth.account!.id, name: 'Sales' });
    expect(renamed.map((account) => account.name)).toEqual(['Support hook', 'Sales']);
    expect((await failure('accounts:rename', { id: oauth.account!.id, name: 'support HOOK' })).code).toBe('ACCOUNT_NAME_TAKEN');

    const planned = await call<AccountSummary[]>('accounts:set-plan', { id: hook.account!.id, plan: 'enterprise' });
    expect(planned.find((account) => account.id === hook.account!.id)?.plan).toBe('enterprise');

    // Removing the current account leaves no connection; its secrets go with it.
    const removed = await call<ConnectionState>('accounts:remove', { id: hook.account!.id });
    expect(removed).toMatchObject({ kind: 'none', account: null });
    expect(JSON.stringify(harness.store.get('accounts'))).not.toContain(harness.cipher.encrypted[0]);
    expect((await failure('lookup:run', { input: 'chat1777', numberAs: 'chat' })).code).toBe('NOT_CONNECTED');
    expect((await call<AccountSummary[]>('accounts:list')).map((account) => account.name)).toEqual(['Sales']);
    expect((await failure('accounts:use', { id: hook.account!.id })).code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('says "sign in again" when the portal refuses the refresh token, and signs the same account in again with its saved application', async () => {
    await start();
    const signedIn = await signInWithOAuth('Beta');
    emulator.oauth.expireAccessTokens();
    emulator.oauth.expireRefreshTokens();
    const refused = await failure('lookup:run', { input: 'chat1777', numberAs: 'chat' });
    expect(refused.code).toBe('OAUTH_SIGN_IN_AGAIN');
    expect(refused.action).toContain('Your history and kept dialogs are not affected');
    const state = await call<ConnectionState>('connection:get');
    expect(state.account).toMatchObject({ id: signedIn.account!.id, name: 'Beta', state: 'sign-in-again' });

    // Only the account is named: its portal, application and saved secret are reused.
    const pending = await call<OAuthPending>('oauth:begin', { accountId: signedIn.account!.id, port: 0 });
    expect(new URL(pending.authorizeUrl).searchParams.get('client_id')).toBe(APP.clientId);
    const finished = call<ConnectionState>('oauth:finish');
    await browserSignsIn();
    expect((await finished).account).toMatchObject({ id: signedIn.account!.id, name: 'Beta', state: 'ready' });
    expect((await lookUp()).dialog.id).toBe(1777);
    expect(await call<AccountSummary[]>('accounts:list')).toHaveLength(1);
  });

  it('refuses bad arguments before doing anything', async () => {
    await start();
    expect((await failure('accounts:use', { id: '' })).code).toBe('INVALID_ARGUMENT');
    expect((await failure('accounts:set-plan', { id: 'x', plan: 'unlimited' })).code).toBe('INVALID_ARGUMENT');
    expect((await failure('oauth:begin', { portal: 'http://insecure.example', clientId: 'a', clientSecret: 'b', port: 0 })).code).toBe('INVALID_PORTAL_URL');
    expect((await failure('oauth:begin', { portal: emulator.origin, clientId: 'a', clientSecret: 'b', port: 70_000 })).code).toBe('INVALID_ARGUMENT');
    expect(harness.opened).toEqual([]);
  });
});
