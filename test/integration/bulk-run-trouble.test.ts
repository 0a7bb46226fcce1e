// A bulk run meets trouble midway, as issue 12 says it must survive: the
// portal's QUERY_LIMIT_EXCEEDED on a later request, and an OAuth access token
// that expires between two requests. Through the handlers the window talks
// to, against the emulator over HTTPS; the trouble is made when the first
// request's rows have been pushed.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { BulkProgress, BulkRunResult, ConnectionState, OAuthPending } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';
import { APP, get, openAuthorizePage } from './oauth-support';

let emulator: Emulator;
let harness: Harness | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, oauth: { apps: [APP] } });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await harness?.dispose();
  harness = undefined;
});

/** 120 of the demo's live chats: three batch requests (49 and the lines, 50, 21). */
const INPUTS = Array.from({ length: 120 }, (_, at) => `chat${3001 + at}`);

/** A harness that calls `midway` once, when the first request's rows have been pushed. */
async function harnessWith(midway: () => void): Promise<{ harness: Harness; pushed: BulkProgress[] }> {
  const pushed: BulkProgress[] = [];
  const made = await startHarness(emulator, {
    sendEvent: (event, payload) => {
      if (event !== 'bulkProgress') return;
      pushed.push(payload as BulkProgress);
      if (pushed.length === 1) midway();
    },
  });
  harness = made;
  return { harness: made, pushed };
}

function batchRequestsSince(from: number): number {
  return emulator.requests.slice(from).filter((request) => request.method === 'batch').length;
}

it('survives QUERY_LIMIT_EXCEEDED on a later request: tried again after its back-off, every row found', async () => {
  const { harness, pushed } = await harnessWith(() => emulator.injectFault({ kind: 'error', code: 'QUERY_LIMIT_EXCEEDED', status: 503 }, { times: 1, method: 'batch' }));
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
  const from = emulator.requests.length;
  const result = ok<BulkRunResult>(await harness.api.dispatch('bulk:run', { inputs: INPUTS, numberAs: 'chat', runId: 'limited' }));
  expect(result).toMatchObject({ found: 120, kept: 0, failed: 0, cancelled: false });
  // The refused request and its second try: one more than the three the run needs.
  expect(batchRequestsSince(from)).toBe(4);
  expect(emulator.requests.slice(from).filter((request) => request.status === 503)).toHaveLength(1);
  expect(pushed.at(-1)).toMatchObject({ done: 120, total: 120 });
});

it('survives an OAuth access token that expires midway: refreshed once, the request tried again, every row found', async () => {
  const { harness, pushed } = await harnessWith(() => emulator.oauth.expireAccessTokens());
  const pending = ok<OAuthPending>(
    await harness.api.dispatch('oauth:begin', { portal: emulator.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, oauthServer: emulator.oauth.serverOrigin, port: 0 }),
  );
  const finished = harness.api.dispatch('oauth:finish', undefined);
  const callback = new URL(await openAuthorizePage(pending.authorizeUrl, emulator.certificate));
  expect((await get(callback.href)).status).toBe(200);
  expect(ok<ConnectionState>(await finished)).toMatchObject({ kind: 'oauth' });

  const tokensBefore = emulator.oauth.issuedTokens().length;
  const from = emulator.requests.length;
  const result = ok<BulkRunResult>(await harness.api.dispatch('bulk:run', { inputs: INPUTS, numberAs: 'chat', runId: 'refreshed' }));
  expect(result).toMatchObject({ found: 120, kept: 0, failed: 0, cancelled: false });
  // One new pair of tokens, and the refused request tried again with it.
  expect(emulator.oauth.issuedTokens().length).toBe(tokensBefore + 1);
  expect(emulator.requests.slice(from).filter((request) => request.status === 401)).toHaveLength(1);
  expect(batchRequestsSince(from)).toBe(4);
  expect(pushed.at(-1)).toMatchObject({ done: 120, total: 120 });
});
