// Many dialogs at once, through the handlers the window talks to, against the
// emulator over HTTPS: 50 a batch request, each row its own dialog or its own
// error, rows pushed as they come, kept copies standing in when the portal
// cannot be reached, and a run that can be stopped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkProgress, BulkRunResult, IdentifierList } from '../../preload/api-contract';
import { BulkRuns } from '../../main/api/bulk-runs';
import { LineCache } from '../../main/api/line-cache';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_IDS, startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient } from '../../main/rest/portal-client';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;
let pushed: BulkProgress[];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await harness?.dispose();
});

async function connected(): Promise<void> {
  pushed = [];
  harness = await startHarness(emulator, { sendEvent: (event, payload) => event === 'bulkProgress' && pushed.push(payload as BulkProgress) });
  ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
}

const run = async (inputs: string[], runId = 'run-1') => ok<BulkRunResult>(await harness.api.dispatch('bulk:run', { inputs, numberAs: 'chat', runId }));

/** How many batch requests the emulator answered since `from`, and how many dialog.get commands they held. */
function batchesSince(from: number): number[] {
  return emulator.requests
    .slice(from)
    .filter((request) => request.method === 'batch')
    .map((request) => Object.values(request.params['cmd'] as Record<string, string>).filter((command) => command.startsWith('imopenlines.dialog.get')).length);
}

describe('a pasted list', () => {
  it('is split where a person separates identifiers, each recognised or refused on its own, repeats dropped', async () => {
    await connected();
    const list = ok<IdentifierList>(await harness.api.dispatch('identifiers:split', { text: '1777, chat1777\n2001;\tlivechat|22|1775|599  hello 1777', numberAs: 'chat' }));
    expect(list.items.map((item) => [item.input, 'query' in item ? item.query.param : item.error.code])).toEqual([
      ['1777', 'CHAT_ID'],
      ['chat1777', 'DIALOG_ID'],
      ['2001', 'CHAT_ID'],
      ['livechat|22|1775|599', 'USER_CODE'],
      ['hello', 'INVALID_IDENTIFIER'],
    ]);
    expect(list.repeats).toBe(1);
  });
});

describe('a bulk run', () => {
  it('answers each row by its own dialog or its own error, in one batch request, and pushes the rows as they come', async () => {
    await connected();
    const from = emulator.requests.length;
    const result = await run(['chat1777', String(DEMO_IDS.cyrillicChatId), String(DEMO_IDS.missingChatId), 'hello', String(DEMO_IDS.deniedChatId)]);
    // Four recognised dialogs (and the lines) in one request of the rate limit.
    expect(batchesSince(from)).toEqual([4]);
    expect(result.rows.map((row) => [row.input, row.outcome, row.error?.code ?? null])).toEqual([
      ['chat1777', 'found', null],
      ['2001', 'found', null],
      ['9999', 'failed', 'ACCESS_ERROR'],
      ['hello', 'failed', 'INVALID_IDENTIFIER'],
      ['2999', 'failed', 'ACCESS_ERROR'],
    ]);
    expect(result).toMatchObject({ found: 2, kept: 0, failed: 3, cancelled: false });
    expect(result.rows[0]!.dialog).toMatchObject({ chatId: 1777, name: 'Green Guest #17 - Bitrix24 Documentation', operatorName: 'Samantha Johnson', crm: 'Lead 1209', sessionId: 343 });
    expect(result.rows[0]!.dialog!.lineName).toBeTruthy();

    // The refused row at once, then the request's four; the last says all are done.
    expect(pushed.map((progress) => progress.rows.length)).toEqual([1, 4]);
    expect(pushed.at(-1)).toMatchObject({ runId: 'run-1', done: 5, total: 5, remainingMs: 0 });
    // Every dialog found is kept and searchable like a lookup's.
    const hits = ok<Array<{ chatId: number }>>(await harness.api.dispatch('search:dialogs', { text: 'Green Guest' }));
    expect(hits.map((hit) => hit.chatId)).toContain(1777);
  });

  it('goes 50 dialogs a request: 120 identifiers are three requests', async () => {
    await connected();
    // The same 40 chats by chat id and by dialog id are different queries, so none is a repeat.
    const all = [
      ...Array.from({ length: 40 }, (_, i) => String(2001 + i)),
      ...Array.from({ length: 40 }, (_, i) => `chat${2001 + i}`),
      ...Array.from({ length: 40 }, (_, i) => `livechat|1|x${i}|1`),
    ];
    const from = emulator.requests.length;
    const result = await run(all);
    expect(result.rows).toHaveLength(120);
    expect(batchesSince(from).reduce((sum, count) => sum + count, 0)).toBe(120);
    expect(batchesSince(from).every((count) => count <= 50)).toBe(true);
    expect(batchesSince(from)).toHaveLength(3);
    expect(pushed.at(-1)).toMatchObject({ done: 120, total: 120 });
  });

  it('stands on the kept copies when the portal cannot be reached, marking them', async () => {
    await connected();
    await run(['chat1777']);
    emulator.injectFault({ kind: 'reset' }, { times: 10 });
    const result = await run(['chat1777', '2002'], 'run-2');
    expect(result.rows.map((row) => [row.input, row.outcome, row.error?.code])).toEqual([
      ['chat1777', 'kept', 'CONNECTION_RESET'],
      ['2002', 'failed', 'CONNECTION_RESET'],
    ]);
    expect(result.rows[0]!.dialog?.chatId).toBe(1777);
  });

  it('asks no more once the portal refuses the credentials: every row says why', async () => {
    await connected();
    emulator.injectFault({ kind: 'error', code: 'NO_AUTH_FOUND', status: 401, description: 'Wrong authorization data' }, { method: 'batch', times: 5 });
    const from = emulator.requests.length;
    const result = await run(Array.from({ length: 120 }, (_, i) => `livechat|1|x${i}|1`), 'run-auth');
    expect(emulator.requests.slice(from).filter((request) => request.method === 'batch')).toHaveLength(1);
    expect(result.rows).toHaveLength(120);
    expect(new Set(result.rows.map((row) => row.error?.code))).toEqual(new Set(['NO_AUTH_FOUND']));
  });

  it('can be cancelled: the rows answered by then are kept, the rest are not asked for', async () => {
    await connected();
    emulator.injectFault({ kind: 'hang' }, { method: 'batch' });
    const running = run(['chat1777', '2001', 'hello'], 'run-3');
    await expect.poll(() => pushed.length).toBe(1);
    expect(ok<{ cancelled: boolean }>(await harness.api.dispatch('bulk:cancel', { runId: 'run-3' }))).toEqual({ cancelled: true });
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.rows.map((row) => row.input)).toEqual(['hello']);
    expect(ok<{ cancelled: boolean }>(await harness.api.dispatch('bulk:cancel', { runId: 'run-3' }))).toEqual({ cancelled: false });
  });
});

describe('its progress', () => {
  it('counts only the rows the portal answered in the rate and the time left: refused rows, answered at once, do not inflate them', async () => {
    const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, retry: false, rateLimit: false });
    // A clock the test keeps: one second passes between one push and the next.
    let clock = 0;
    const progress: BulkProgress[] = [];
    const runs = new BulkRuns({
      client: async () => client,
      store: async () => null,
      lines: new LineCache(),
      now: () => clock,
      report: (each) => {
        progress.push(each);
        clock += 1_000;
      },
    });
    const refused = Array.from({ length: 40 }, (_, i) => `nope${i}`);
    const asked = Array.from({ length: 60 }, (_, i) => `chat${2001 + i}`);
    try {
      await runs.run({ inputs: [...refused, ...asked], numberAs: 'chat', runId: 'rate' });
    } finally {
      client.close();
    }
    // The 40 refused at once: nothing asked yet, so no rate and no time left to tell.
    expect(progress[0]).toMatchObject({ done: 40, total: 100, perSecond: null, remainingMs: null });
    // Then the first request's rows after a second: the rate is theirs (not 40 more), the time left the rest at that rate.
    const first = progress[1]!.rows.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(60);
    expect(progress[1]).toMatchObject({ done: 40 + first, perSecond: first, remainingMs: Math.round(((60 - first) / first) * 1000) });
    expect(progress.at(-1)).toMatchObject({ done: 100, perSecond: 60 / 2, remainingMs: 0 });
  });
});

describe('a finished run', () => {
  it('is one history entry with its tally, and reopens its table from there', async () => {
    await connected();
    const result = await run(['chat1777', String(DEMO_IDS.cyrillicChatId), 'hello'], 'run-kept');
    const entries = ok<Array<{ id: number; outcome: string; input: string; bulk?: unknown }>>(await harness.api.dispatch('history:list', {}));
    const entry = entries.find((each) => each.outcome === 'bulk');
    expect(entry).toMatchObject({ input: `chat1777, ${DEMO_IDS.cyrillicChatId}, hello`, bulk: { total: 3, found: 2, kept: 0, failed: 1, cancelled: false } });
    const reopened = ok<BulkRunResult>(await harness.api.dispatch('bulk:open', { historyId: entry!.id }));
    expect(reopened).toEqual(result);
    ok(await harness.api.dispatch('history:delete', { id: entry!.id }));
    expect((await harness.api.dispatch('bulk:open', { historyId: entry!.id })).ok).toBe(false);
  });
});
