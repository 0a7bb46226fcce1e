// `login`, `accounts` and `lookup --account`, spawned as a user runs them,
// against the emulator's portal and token server over real HTTPS. The
// browser's part is played by plain HTTP requests: load the authorize page,
// follow its redirect to the CLI's loopback listener.
import fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { runCli, startCli, type CliRun } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';
import { APP, get, openAuthorizePage } from '../integration/oauth-support';

let emulator: Emulator;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let caFile: string;
let dataDir: string;
let run: number;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, oauth: { apps: [APP] } });
  temp = await makeTempDir();
  caFile = path.join(temp.dir, 'emulator-ca.pem');
  await writeFile(caFile, emulator.certificate);
  run = 0;
});
afterAll(async () => {
  await emulator.close();
  await temp.remove();
});
beforeEach(() => {
  run += 1;
  dataDir = path.join(temp.dir, `data-${run}`);
});

const env = () => ({ NODE_EXTRA_CA_CERTS: caFile });
const cli = (args: string[]): Promise<CliRun> => runCli([...args, '--data-dir', dataDir], temp.dir, env());
const host = () => new URL(emulator.origin).host;

function loginArgs(extra: string[] = []): string[] {
  return [
    'login',
    '--portal',
    emulator.origin,
    '--client-id',
    APP.clientId,
    '--client-secret',
    APP.clientSecret,
    '--oauth-server',
    emulator.oauth.serverOrigin,
    '--port',
    '0',
    '--no-browser',
    '--data-dir',
    dataDir,
    ...extra,
  ];
}

/** Everything a run printed, for the "never a secret" checks. */
const printed = (result: CliRun) => result.stdout + result.stderr;

async function signInThroughBrowser(extra: string[] = []): Promise<CliRun> {
  const login = startCli(loginArgs(extra), temp.dir, env());
  const url = await login.line(/^https:\/\//);
  const callback = await openAuthorizePage(url, emulator.certificate);
  expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?/);
  const page = await get(callback);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/signed in|You can close/i);
  return login.done;
}

describe('openlines-inspector login (OAuth)', () => {
  it('prints the sign-in address on a line of its own, takes the browser’s redirect, and saves the account', async () => {
    const result = await signInThroughBrowser(['--name', 'Emulated']);
    expect(result.code, result.stderr).toBe(0);
    const [url] = result.stdout.split('\n');
    const authorize = new URL(url!);
    expect(authorize.origin + authorize.pathname).toBe(`${emulator.origin}/oauth/authorize/`);
    expect(authorize.searchParams.get('client_id')).toBe(APP.clientId);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(result.stdout).toContain('Saved account "Emulated" (OAuth');

    const accounts = await cli(['accounts', '--json']);
    expect(JSON.parse(accounts.stdout)).toEqual([
      expect.objectContaining({ name: 'Emulated', kind: 'oauth', host: host(), state: 'ready', current: true, clientId: APP.clientId }),
    ]);

    const lookup = await cli(['lookup', 'chat1777', '--account', 'emulated']);
    expect(lookup.code, lookup.stderr).toBe(0);
    expect(lookup.stdout).toContain('Green Guest #17 - Bitrix24 Documentation');
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'imopenlines.dialog.get', auth: 'oauth', status: 200 });

    // With no portal named, lookups go to the current account.
    expect((await cli(['lookup', '2002'])).code).toBe(0);
    const history = JSON.parse((await cli(['history', '--json', '--account', 'Emulated'])).stdout) as Array<{ input: string; account: string }>;
    expect(history.map((entry) => [entry.input, entry.account])).toEqual([
      ['2002', host()],
      ['chat1777', host()],
    ]);

    // The transcript through the same saved account: the OAuth token, not a webhook, in the batch that brings it.
    const transcript = await cli(['transcript', 'chat1777', '--account', 'emulated', '--json']);
    expect(transcript.code, transcript.stderr).toBe(0);
    expect(JSON.parse(transcript.stdout)).toMatchObject({ chatId: 1777, sessionId: 343, source: 'portal' });
    expect(emulator.requests.at(-1)).toMatchObject({ auth: 'oauth', status: 200 });

    for (const output of [result, accounts, lookup, transcript].map(printed)) {
      expect(output).not.toContain(APP.clientSecret);
      for (const token of emulator.oauth.issuedTokens()) {
        expect(output).not.toContain(token.accessToken);
        expect(output).not.toContain(token.refreshToken);
      }
    }
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).not.toContain(APP.clientSecret);
  });

  it('takes a pasted address instead, refusing one from another sign-in first', async () => {
    const login = startCli(loginArgs(), temp.dir, env());
    const url = await login.line(/^https:\/\//);
    const callback = new URL(await openAuthorizePage(url, emulator.certificate));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-this-sign-in');
    login.child.stdin.write(`${forged.href}\n`);
    await login.stderrMatching(/OAUTH_STATE_MISMATCH/);
    login.child.stdin.write(`  ${callback.href}  \n`);
    const result = await login.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Saved account "${host()}" (OAuth`);
    expect(JSON.parse((await cli(['accounts', '--json'])).stdout)).toHaveLength(1);
  });

  it('refuses a code that was already used, with the sign-in server’s reason', async () => {
    const first = startCli(loginArgs(), temp.dir, env());
    const callback = new URL(await openAuthorizePage(await first.line(/^https:\/\//), emulator.certificate));
    await get(callback.href);
    expect((await first.done).code).toBe(0);

    const second = startCli(loginArgs(), temp.dir, env());
    await second.line(/^https:\/\//);
    // The same code again (its state is the first sign-in's, so paste the bare code).
    second.child.stdin.write(`${callback.searchParams.get('code')}\n`);
    const refused = await second.stderrMatching(/\[OAUTH_SIGN_IN_AGAIN\]/);
    expect(refused).toContain('The authorization code was refused: it lives only 30 seconds, works once');
    expect(refused).toContain('Portal said:');
    expect(refused).not.toContain(APP.clientSecret);
    // The sign-in goes on waiting for a good code; nothing was saved.
    expect(second.child.exitCode).toBeNull();
    expect(JSON.parse((await cli(['accounts', '--json'])).stdout)).toHaveLength(1);
    second.child.kill();
    await second.done;
  });

  it('a usage error names what is missing', async () => {
    const result = await cli(['login', '--portal', emulator.origin]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--client-id ID --client-secret SECRET');
  });
});

describe('openlines-inspector accounts', () => {
  it('saves a webhook account after checking it, and uses, renames and removes accounts', async () => {
    const key = emulator.webhookUrl();
    const saved = await cli(['login', '--webhook', key, '--name', 'Hook']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Saved account "Hook" (webhook');
    const signedIn = await signInThroughBrowser();
    expect(signedIn.code).toBe(0);

    const listed = await cli(['accounts']);
    expect(listed.stdout).toMatch(new RegExp(`^  Hook  ${host().replace('.', '\\.')}  \\(webhook\\)  ready$`, 'm'));
    expect(listed.stdout).toMatch(/^\* \S+ {2}.*\(OAuth, app local\.65f0a1b2c3d4e5\.12345678\) {2}ready$/m);
    expect(printed(listed)).not.toContain(new URL(key).pathname.split('/')[3]);

    expect((await cli(['accounts', 'use', 'hook'])).stdout).toContain('Lookups now go to "Hook"');
    expect((await cli(['lookup', 'chat1777'])).code).toBe(0);
    expect(emulator.requests.at(-1)).toMatchObject({ auth: 'webhook' });
    expect((await cli(['accounts', 'rename', 'Hook', 'Support webhook'])).stdout).toContain('Renamed "Hook" to "Support webhook"');
    const removed = await cli(['accounts', 'remove', 'Support webhook']);
    expect(removed.stdout).toContain('Removed "Support webhook" and its saved credentials');
    expect(JSON.parse((await cli(['accounts', '--json'])).stdout)).toHaveLength(1);

    const missing = await cli(['lookup', '1777', '--account', 'Support webhook']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[ACCOUNT_NOT_FOUND]');
    // The one in use was removed: lookups without --account say how to choose another.
    const noCurrent = await cli(['lookup', '1777']);
    expect(noCurrent.code).toBe(2);
    expect(noCurrent.stderr).toContain('choose one with openlines-inspector accounts use NAME');
  });

  it('with no account and no portal named, lookup says how to add one', async () => {
    const result = await cli(['lookup', '1777']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No account is saved yet: add one with openlines-inspector login');
  });
});
