// The watch's refresh cycle and its loop against the emulator over HTTPS: one
// batch request for the watched dialogs, each compared with the copy last seen,
// changes said in words as the portal's dialog changes between refreshes,
// trouble said once and the watch going on through it, and a clean stop.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIdentifier } from '../../main/core/identifier';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_IDS, startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore } from '../../main/store/index';
import { WatchCycle, type WatchTarget } from '../../main/watch/watch-cycle';
import { runWatchLoop, type WatchEvent } from '../../main/watch/watch-loop';
import { makeTempDir } from '../support/temp-dir';

let emulator: Emulator;
let client: PortalClient;

// A fresh portal for each test: the tests change its dialogs.
beforeEach(async () => {
  emulator = await startEmulator({ rateLimit: false });
  client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, retry: false });
});
afterEach(async () => {
  client.close();
  await emulator.close();
});

const targets = (...inputs: string[]): WatchTarget[] => inputs.map((input) => ({ input, query: parseIdentifier(input, 'chat') }));
const batches = (from: number) => emulator.requests.slice(from).map((request) => request.method);

describe('one refresh of the watched dialogs', () => {
  it('asks for every dialog in one batch request and starts from the first answers', async () => {
    const cycle = new WatchCycle(targets('chat1777', String(DEMO_IDS.cyrillicChatId), String(DEMO_IDS.missingChatId)), { client, account: 'demo', store: null });
    const from = emulator.requests.length;
    const first = await cycle.refresh();
    expect(batches(from)).toEqual(['batch']);
    expect(first.failure).toBeNull();
    expect(first.rows.map((row) => (row.ok ? [row.input, row.chatId, row.changes] : [row.input, row.error.code]))).toEqual([
      ['chat1777', 1777, null],
      [String(DEMO_IDS.cyrillicChatId), DEMO_IDS.cyrillicChatId, null],
      [String(DEMO_IDS.missingChatId), 'ACCESS_ERROR'],
    ]);
  });

  it('says what changed on the portal since the previous refresh, and nothing for a dialog that did not', async () => {
    const cycle = new WatchCycle(targets('chat1777', String(DEMO_IDS.cyrillicChatId)), { client, account: 'demo', store: null });
    await cycle.refresh();
    emulator.updateDialog(1777, { entity_data_1: 'Y|DEAL|77|Y|Y|343|1773682918|0|1773700000|USER', entity_data_3: 'Y', name: 'VIP', counter: 7 });
    const second = await cycle.refresh();
    const [changed, quiet] = second.rows;
    expect(changed?.ok && changed.changes?.changes.map((change) => change.text)).toEqual([
      'CRM binding moved: lead 1209 → deal 77',
      'Pinned to its operator',
      'The session now waits for an automatic action (closed line, after hours, no answer, or reopened after a vote)',
      'Blocked (reason: USER), since 2026-03-16T22:26:40.000Z',
      'Silent mode on: operator messages are not sent to the client',
      'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”',
    ]);
    // The caller's own counter is apart, not a change.
    expect(changed?.ok && changed.changes?.viewerDependent.map((change) => change.key)).toEqual(['counter']);
    expect(quiet?.ok && quiet.changes).toMatchObject({ changes: [], viewerDependent: [] });
  });

  it('keeps a copy only when it differs, so the timeline is one of changes', async () => {
    const { dir, remove } = await makeTempDir('oli-watch-');
    const store = InspectorStore.open(dir);
    try {
      const cycle = new WatchCycle(targets('chat1777'), { client, account: 'demo', store });
      await cycle.refresh();
      await cycle.refresh();
      emulator.updateDialog(1777, { owner: 31 });
      await cycle.refresh();
      await cycle.refresh();
      const timeline = store.timeline('demo', 1777);
      expect(timeline).toHaveLength(2);
      expect(timeline[1]!.changes!.changes.map((change) => change.text)).toEqual(['Responsible operator changed: Samantha Johnson (27) → 31']);
    } finally {
      store.close();
      await remove();
    }
  });

  it('hands back the failure of a whole request, the dialogs waiting for the next cycle', async () => {
    const cycle = new WatchCycle(targets('chat1777'), { client, account: 'demo', store: null });
    emulator.injectFault({ kind: 'html', status: 502 }, { method: 'batch' });
    const failed = await cycle.refresh();
    expect(failed.rows).toEqual([]);
    expect(failed.failure?.code).toBe('NOT_BITRIX_JSON');
    expect((await cycle.refresh()).rows[0]).toMatchObject({ ok: true, chatId: 1777 });
  });
});

describe('the watch loop', () => {
  it('refreshes an interval apart and hands on the changes as the portal changes between refreshes', async () => {
    const cycle = new WatchCycle(targets('chat1777'), { client, account: 'demo', store: null });
    const events: WatchEvent[] = [];
    let refreshes = 0;
    const result = await runWatchLoop(
      async () => {
        // The portal lives on between the second and the third refresh.
        if (refreshes++ === 2) emulator.updateDialog(1777, { message_count: 106, owner: 31 });
        return cycle.refresh();
      },
      { intervalMs: 0, maxCycles: 4, signal: new AbortController().signal, onEvent: (event) => events.push(event) },
    );
    expect(result.cycles).toBe(4);
    expect(events.map((event) => event.type)).toEqual(['seen', 'changed']);
    expect(events[1]).toMatchObject({ type: 'changed', chatId: 1777, changes: [{ key: 'owner', kind: 'owner' }, { key: 'message_count', kind: 'messages', before: 104, after: 106, text: '2 new messages' }] });
  });

  it('says a portal out of reach once, goes on, and says when it answers again', async () => {
    const cycle = new WatchCycle(targets('chat1777', String(DEMO_IDS.missingChatId)), { client, account: 'demo', store: null });
    const events: WatchEvent[] = [];
    let refreshes = 0;
    await runWatchLoop(
      async () => {
        refreshes += 1;
        if (refreshes === 2) emulator.injectFault({ kind: 'reset' }, { method: 'batch', times: 3 });
        if (refreshes === 5) emulator.updateDialog(1777, { entity_data_3: 'Y' });
        return cycle.refresh();
      },
      { intervalMs: 0, maxCycles: 6, signal: new AbortController().signal, onEvent: (event) => events.push(event) },
    );
    expect(events.map((event) => event.type)).toEqual(['seen', 'dialog-failed', 'portal-failed', 'portal-back', 'changed']);
    expect(events[2]).toMatchObject({ type: 'portal-failed', error: { code: 'CONNECTION_RESET' } });
    expect(events[4]).toMatchObject({ type: 'changed', changes: [{ kind: 'silent', text: 'Silent mode on: operator messages are not sent to the client' }] });
  });

  it('ends at once when stopped during its wait', async () => {
    const cycle = new WatchCycle(targets('chat1777'), { client, account: 'demo', store: null });
    const stop = new AbortController();
    const result = await runWatchLoop(() => cycle.refresh(), {
      intervalMs: 3_600_000,
      signal: stop.signal,
      onEvent: (event) => event.type === 'seen' && stop.abort(),
    });
    expect(result.cycles).toBe(1);
  });

  it('ends when stopped during a refresh, its request cancelled', async () => {
    const stop = new AbortController();
    const cycle = new WatchCycle(targets('chat1777'), { client, account: 'demo', store: null, options: { signal: stop.signal } });
    emulator.injectFault({ kind: 'hang' }, { method: 'batch' });
    const running = runWatchLoop(() => cycle.refresh(), { intervalMs: 0, signal: stop.signal, onEvent: () => undefined });
    setTimeout(() => stop.abort(), 50);
    expect(await running).toEqual({ cycles: 0 });
  });
});
