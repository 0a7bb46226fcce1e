// A process killed in the middle of a token refresh, for real (SIGKILL), at
// the two points that matter: after the server rotated the tokens but before
// they were saved, and after they were saved but before the retried call.
// Either way the account is never left broken in silence: it works, or it
// says "sign in again", and nothing else about it is lost.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAccounts } from '../../main/cli/open-accounts';
import type { Emulator } from '../../main/emulator/index';
import { runCli } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';
import { APP, signIn } from './oauth-support';

const CHILD = fileURLToPath(new URL('../support/oauth-crash-child.ts', import.meta.url));

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let portal: Emulator;
let caFile: string;

beforeEach(async () => {
  temp = await makeTempDir('oli-oauth-crash-');
});
afterEach(async () => {
  await portal?.close();
  await temp.remove();
});

/** A saved, signed-in account whose access token has expired at the portal. */
async function expiredAccount(): Promise<string> {
  const signedIn = await signIn();
  portal = signedIn.portal;
  caFile = path.join(temp.dir, 'ca.pem');
  fs.writeFileSync(caFile, portal.certificate);
  const account = openAccounts(temp.dir).addOAuth({
    origin: portal.origin,
    host: new URL(portal.origin).host,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    oauthServer: portal.oauth.serverOrigin,
    tokens: signedIn.tokens,
    name: 'Emulated',
  });
  // Something else in the file, to show it survives.
  openAccounts(temp.dir).addWebhook({ webhook: { origin: 'https://other.bitrix24.com', host: 'other.bitrix24.com', userId: 3, key: 'otherKey123' } });
  portal.oauth.expireAccessTokens();
  return account.id;
}

function killAt(point: 'before-save' | 'after-save'): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, temp.dir, 'Emulated', caFile, point]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(point)) child.kill('SIGKILL');
      if (chunk.toString().includes('finished')) reject(new Error('the child was not stopped'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal ? resolve(signal) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

const lookUp = () => runCli(['lookup', 'chat1777', '--account', 'Emulated', '--data-dir', temp.dir], temp.dir, { NODE_EXTRA_CA_CERTS: caFile });
const refreshes = () => portal.oauth.tokenRequests.filter((request) => request.grantType === 'refresh_token');

it('killed after the server rotated the tokens, before they were saved: the account says "sign in again", and keeps the rest', async () => {
  const id = await expiredAccount();
  const before = fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8');
  expect(await killAt('before-save')).toBe('SIGKILL');
  expect(refreshes()).toEqual([expect.objectContaining({ status: 200 })]);
  // Nothing was written: the file is exactly as it was, and still reads.
  expect(fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(before);

  const result = await lookUp();
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Sign in again [OAUTH_SIGN_IN_AGAIN]');
  expect(result.stderr).toContain('The portal no longer accepts this account’s access token');
  expect(result.stderr).toContain('Your history and kept dialogs are not affected');
  // The portal refused the old access token outright (invalid_token, not expired):
  // no refresh is tried with the dead refresh token, and the account remembers the verdict.
  expect(refreshes()).toHaveLength(1);
  const accounts = openAccounts(temp.dir);
  expect(accounts.list().map((account) => [account.name, account.state])).toEqual([
    ['Emulated', 'sign-in-again'],
    ['other.bitrix24.com', 'ready'],
  ]);
  expect(accounts.get(id)).toMatchObject({ clientId: APP.clientId, host: new URL(portal.origin).host });

  // Later lookups say so without asking the portal or the server again.
  const requests = portal.requests.length;
  expect((await lookUp()).stderr).toContain('[OAUTH_SIGN_IN_AGAIN]');
  expect(portal.requests).toHaveLength(requests);
  expect(refreshes()).toHaveLength(1);
});

it('killed after the rotated tokens were saved, before the retried call: the next lookup just works', async () => {
  await expiredAccount();
  expect(await killAt('after-save')).toBe('SIGKILL');
  const result = await lookUp();
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('Green Guest #17 - Bitrix24 Documentation');
  expect(refreshes()).toHaveLength(1);
  expect(openAccounts(temp.dir).get('Emulated').state).toBe('ready');
});
