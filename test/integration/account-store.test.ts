// Accounts in the real config.json (conf, electron-store's engine) with the
// CLI's real key-file cipher, in a temp folder: several portals, names,
// secrets that never appear in a summary or in the file as plain text, and
// what one program saved being usable by the other where it can be.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore } from '../../main/accounts/account-store';
import { keyFileCipher, keyFilePath } from '../../main/accounts/key-file-cipher';
import { layeredCipher } from '../../main/accounts/secret-cipher';
import { openFileStore } from '../../main/api/file-store';
import { InspectorError } from '../../main/core/error-codes';
import { parseWebhookUrl } from '../../main/core/webhook';
import type { OAuthTokens } from '../../main/oauth/token-client';
import { makeTempDir } from '../support/temp-dir';
import { testCipher } from '../support/test-cipher';

const KEY = 'whKEY0123456789secret';
const WEBHOOK = parseWebhookUrl(`https://acme.bitrix24.com/rest/7/${KEY}/`);
const TOKENS: OAuthTokens = {
  accessToken: 'ACCESS-abcdef-0001',
  refreshToken: 'REFRESH-abcdef-0001',
  accessExpiresAt: 1_800_000_000_000,
  scope: ['imopenlines'],
  memberId: 'member-42',
  clientEndpoint: 'https://beta.bitrix24.com/rest/',
  userId: 1,
};
const CLIENT_SECRET = 'CLIENTsecretXYZ987';
const OAUTH = {
  origin: 'https://beta.bitrix24.com',
  host: 'beta.bitrix24.com',
  clientId: 'local.abc.123',
  clientSecret: CLIENT_SECRET,
  oauthServer: 'https://oauth.bitrix.info',
  tokens: TOKENS,
};

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-accounts-'));
});
afterEach(async () => {
  await remove();
});

const cliStore = () => new AccountStore(openFileStore(dir), keyFileCipher(dir));
const configText = () => fs.readFileSync(path.join(dir, 'config.json'), 'utf8');

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof InspectorError) return error.envelope.code;
    throw error;
  }
  throw new Error('did not throw');
}

describe('accounts', () => {
  it('keep several portals under their host names, secrets encrypted on disk and absent from summaries', () => {
    const accounts = cliStore();
    const hook = accounts.addWebhook({ webhook: WEBHOOK });
    const oauth = accounts.addOAuth(OAUTH);
    expect(accounts.list()).toEqual([
      { id: hook.id, name: 'acme.bitrix24.com', kind: 'webhook', origin: 'https://acme.bitrix24.com', host: 'acme.bitrix24.com', plan: 'standard', state: 'ready', current: false, userId: 7 },
      {
        id: oauth.id,
        name: 'beta.bitrix24.com',
        kind: 'oauth',
        origin: OAUTH.origin,
        host: OAUTH.host,
        plan: 'standard',
        state: 'ready',
        current: true,
        userId: null,
        clientId: OAUTH.clientId,
        oauthServer: OAUTH.oauthServer,
      },
    ]);
    const text = configText();
    for (const secret of [KEY, CLIENT_SECRET, TOKENS.accessToken, TOKENS.refreshToken]) {
      expect(text).not.toContain(secret);
      expect(JSON.stringify(accounts.list())).not.toContain(secret);
    }
    expect(text).toContain('keyfile:v1:');
    if (process.platform !== 'win32') expect(fs.statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);

    // A second program (or the next run) reads them back.
    const again = cliStore();
    expect(again.secrets('acme.bitrix24.com')).toEqual({ kind: 'webhook', webhook: WEBHOOK });
    expect(again.secrets(oauth.id)).toEqual({ kind: 'oauth', clientId: OAUTH.clientId, clientSecret: CLIENT_SECRET, oauthServer: OAUTH.oauthServer, tokens: TOKENS });
  });

  it('name a second account on the same host apart, refuse a taken name, and find names ignoring case', () => {
    const accounts = cliStore();
    accounts.addWebhook({ webhook: WEBHOOK });
    const other = accounts.addWebhook({ webhook: parseWebhookUrl('https://acme.bitrix24.com/rest/9/anotherKey123/') });
    expect(other.name).toBe('acme.bitrix24.com (2)');
    expect(codeOf(() => accounts.rename(other.id, 'ACME.bitrix24.com'))).toBe('ACCOUNT_NAME_TAKEN');
    expect(codeOf(() => accounts.rename(other.id, '   '))).toBe('ACCOUNT_NAME_INVALID');
    expect(codeOf(() => accounts.rename(other.id, 'bell\u0007'))).toBe('ACCOUNT_NAME_INVALID');
    expect(codeOf(() => accounts.rename(other.id, 'x'.repeat(61)))).toBe('ACCOUNT_NAME_INVALID');
    expect(accounts.rename(other.id, '  Acme   support ').name).toBe('Acme support');
    expect(accounts.find('acme SUPPORT')?.id).toBe(other.id);
    expect(codeOf(() => accounts.get('nobody'))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('update the account of the same webhook user or the same application instead of adding another', () => {
    const accounts = cliStore();
    const first = accounts.addWebhook({ webhook: WEBHOOK, name: 'Acme' });
    const renewed = parseWebhookUrl('https://acme.bitrix24.com/rest/7/renewedKey456/');
    expect(accounts.addWebhook({ webhook: renewed })).toMatchObject({ id: first.id, name: 'Acme' });
    expect(accounts.list()).toHaveLength(1);
    expect(accounts.secrets('Acme')).toEqual({ kind: 'webhook', webhook: renewed });

    const oauth = accounts.addOAuth(OAUTH);
    accounts.markSignInAgain(oauth.id);
    expect(accounts.get(oauth.id).state).toBe('sign-in-again');
    const signedInAgain = accounts.addOAuth({ ...OAUTH, tokens: { ...TOKENS, accessToken: 'ACCESS-2', refreshToken: 'REFRESH-2' } });
    expect(signedInAgain).toMatchObject({ id: oauth.id, state: 'ready' });
    expect(accounts.list()).toHaveLength(2);
  });

  it('save rotated tokens in place, and keep "sign in again" apart from everything else', () => {
    const accounts = cliStore();
    const { id } = accounts.addOAuth({ ...OAUTH, name: 'Beta' });
    accounts.saveTokens(id, { ...TOKENS, accessToken: 'ACCESS-rotated', refreshToken: 'REFRESH-rotated' });
    expect(cliStore().secrets(id)).toMatchObject({ tokens: { accessToken: 'ACCESS-rotated', refreshToken: 'REFRESH-rotated' } });
    expect(configText()).not.toContain('REFRESH-rotated');
    accounts.markSignInAgain(id);
    expect(cliStore().get('Beta')).toMatchObject({ name: 'Beta', state: 'sign-in-again', clientId: OAUTH.clientId });
  });

  it('switch the current account, and forget an account and its secrets on remove', () => {
    const accounts = cliStore();
    const hook = accounts.addWebhook({ webhook: WEBHOOK });
    const oauth = accounts.addOAuth(OAUTH);
    expect(accounts.current()?.id).toBe(oauth.id);
    expect(accounts.setCurrent(hook.name)?.id).toBe(hook.id);
    const sealedKey = (JSON.parse(configText()) as { accounts: { list: Array<{ key?: string }> } }).accounts.list[0]!.key!;
    expect(configText()).toContain(sealedKey);

    accounts.remove(hook.id);
    expect(accounts.list().map((account) => account.id)).toEqual([oauth.id]);
    expect(accounts.current()).toBeNull();
    expect(configText()).not.toContain(sealedKey);
    expect(codeOf(() => accounts.secrets(hook.id))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('keep secrets for this run only where the OS cannot encrypt, and say so after a restart', () => {
    const store = openFileStore(dir);
    const accounts = new AccountStore(store, testCipher(false));
    const { id } = accounts.addWebhook({ webhook: WEBHOOK });
    expect(accounts.get(id).state).toBe('ready');
    expect(accounts.secrets(id)).toEqual({ kind: 'webhook', webhook: WEBHOOK });
    expect(configText()).not.toContain(KEY);
    expect(configText()).not.toContain('test:v1:');

    const restarted = new AccountStore(openFileStore(dir), testCipher(false));
    expect(restarted.get(id).state).toBe('secrets-forgotten');
    expect(codeOf(() => restarted.secrets(id))).toBe('ACCOUNT_SECRETS_FORGOTTEN');
  });

  it('the app reads what the CLI saved; the CLI says plainly it cannot read what the app saved', () => {
    const cli = cliStore();
    const fromCli = cli.addWebhook({ webhook: WEBHOOK });
    const app = new AccountStore(openFileStore(dir), layeredCipher(testCipher(), [() => keyFileCipher(dir, { create: false })]));
    expect(app.secrets(fromCli.id)).toEqual({ kind: 'webhook', webhook: WEBHOOK });
    const fromApp = app.addOAuth(OAUTH);
    expect(configText()).toContain('test:v1:');
    expect(cliStore().get(fromApp.id).state).toBe('secrets-unreadable');
    expect(codeOf(() => cliStore().secrets(fromApp.id))).toBe('ACCOUNT_SECRETS_UNREADABLE');
  });

  it('leave a record it cannot read in the file, untouched, while the others work', () => {
    const store = openFileStore(dir);
    const accounts = new AccountStore(store, keyFileCipher(dir));
    accounts.addWebhook({ webhook: WEBHOOK });
    const future = { id: 'x', kind: 'saml', name: 'From a newer version' };
    const raw = store.get('accounts') as { list: unknown[] };
    store.set('accounts', { ...raw, list: [...raw.list, future] });

    const reopened = cliStore();
    expect(reopened.list().map((account) => account.name)).toEqual(['acme.bitrix24.com']);
    expect(reopened.skipped).toBe(1);
    reopened.addOAuth(OAUTH);
    expect((JSON.parse(configText()) as { accounts: { list: unknown[] } }).accounts.list).toContainEqual(future);
  });
});
