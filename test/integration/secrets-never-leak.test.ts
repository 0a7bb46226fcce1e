// Recognisable secrets, seeded everywhere they can be (a webhook key, a
// client secret, the tokens the emulator issues), pushed through success and
// failure, then searched for in every byte that could carry them: each IPC
// answer, everything the process printed (console, stdout, stderr), the
// history database and its log, and the settings file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Result } from '../../preload/api-contract';
import { startEmulator, type Emulator, type EmulatorOAuthApp, type EmulatorWebhook } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { get, openAuthorizePage } from './oauth-support';

const WEBHOOK: EmulatorWebhook = { userId: 5, key: 'SEEDwebhookKEY0x7f3a9c', scopes: ['imopenlines', 'im'] };
const APP: EmulatorOAuthApp = { clientId: 'local.seed.0001', clientSecret: 'SEEDclientSECRET0x4d2b1e', scopes: ['imopenlines'] };

let emulator: Emulator;
let harness: Harness;
const printed: string[] = [];
const restore: Array<() => void> = [];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, webhooks: [WEBHOOK], oauth: { apps: [APP] } });
  harness = await startHarness(emulator, { logToFile: true, clipboardFailure: `clipboard refused https://portal/rest/5/${WEBHOOK.key}/ with ${APP.clientSecret}` });
  // Whatever the process prints from here on is captured, and still printed.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
      original(...args);
    };
    restore.push(() => (console[level] = original));
  }
});
afterAll(async () => {
  for (const undo of restore.splice(0)) undo();
  await harness.dispose();
  await emulator.close();
});

it('no answer, printed line, history entry or settings value ever holds a key, a client secret or a token', async () => {
  const answers: Result<unknown>[] = [];
  const send = async (channel: string, args?: unknown) => {
    const answer = await harness.api.dispatch(channel, args);
    answers.push(answer);
    return answer;
  };

  // A webhook: a wrong key (refused), then the right one, and lookups that succeed and fail.
  await send('connection:use-webhook', { url: emulator.webhookUrl({ ...WEBHOOK, key: `${WEBHOOK.key}x` }) });
  await send('connection:use-webhook', { url: emulator.webhookUrl(WEBHOOK) });
  await send('lookup:run', { input: 'chat1777', numberAs: 'chat' });
  emulator.injectFault({ kind: 'error', code: 'NO_AUTH_FOUND', status: 401, description: `Wrong authorization data ${WEBHOOK.key}` });
  await send('lookup:run', { input: 'chat1777', numberAs: 'chat' });

  // OAuth: sign in, look up, expire and refresh, then a refused refresh token.
  await send('oauth:begin', { portal: emulator.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, oauthServer: emulator.oauth.serverOrigin, port: 0 });
  const finished = send('oauth:finish');
  await get(await openAuthorizePage(harness.opened.at(-1)!, emulator.certificate));
  await finished;
  await send('lookup:run', { input: '2002', numberAs: 'chat' });
  emulator.oauth.expireAccessTokens();
  await send('lookup:run', { input: '2002', numberAs: 'chat' });
  emulator.oauth.expireAccessTokens();
  emulator.oauth.expireRefreshTokens();
  await send('lookup:run', { input: 'chat1777', numberAs: 'chat' });
  for (const channel of ['connection:get', 'accounts:list', 'history:list', 'history:status']) await send(channel, channel === 'history:list' ? {} : undefined);
  // Through the log: an unexpected failure whose cause holds secrets, and a refused link naming one.
  await send('clipboard:write-text', { text: 'x' });
  await harness.api.openDeepLink(`openlines-inspector://lookup/chat1777?account=${WEBHOOK.key}`);
  await send('search:dialogs', { text: 'green' });
  await harness.api.dispose();

  const tokens = emulator.oauth.issuedTokens().flatMap((pair) => [pair.accessToken, pair.refreshToken]);
  expect(tokens.length).toBeGreaterThanOrEqual(4);
  const secrets = [WEBHOOK.key, APP.clientSecret, ...tokens];

  // The things searched really were produced: answers of both kinds, a history, a database.
  expect(answers.some((answer) => answer.ok)).toBe(true);
  expect(answers.filter((answer) => !answer.ok).map((answer) => (answer.ok ? '' : answer.error.code))).toEqual(
    expect.arrayContaining(['NO_AUTH_FOUND', 'OAUTH_SIGN_IN_AGAIN']),
  );
  const files = fs.readdirSync(harness.dataDir).filter((name) => name.startsWith('openlines-inspector.db') || name === 'config.json');
  expect(files).toEqual(expect.arrayContaining(['openlines-inspector.db', 'config.json']));
  const logText = fs.readFileSync(path.join(harness.dataDir, 'logs', 'main.log'), 'utf8');
  // The log was written on both paths, and says what it was about.
  expect(logText).toContain('internal-error');
  expect(logText).toContain('clipboard refused');
  expect(logText).toContain('link-refused');
  files.push(path.join('logs', 'main.log'));

  const haystacks: Array<[string, string]> = [
    ['IPC answers', JSON.stringify(answers)],
    ['printed output', printed.join('\n')],
    ...files.map((name): [string, string] => [name, fs.readFileSync(path.join(harness.dataDir, name)).toString('latin1')]),
  ];
  for (const [where, text] of haystacks) {
    for (const secret of secrets) {
      const at = text.indexOf(secret);
      expect(at, `${where} contains a secret: …${text.slice(Math.max(0, at - 200), at + 60)}…`).toBe(-1);
    }
  }
});
