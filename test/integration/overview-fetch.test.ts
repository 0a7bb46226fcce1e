// One overview refresh (main/core/overview-fetch.ts) through the real client
// against the emulator over HTTPS: the recent list, the open sessions and the
// lines in one batch request, further activity pages one request each, the
// rows without a fresh chat record completed 50 a batch request, merged per
// chat; a missing scope costs only its source, named with the scope.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchOverview, type KeptDialog } from '../../main/core/overview-fetch';
import type { OverviewRow } from '../../main/core/overview-types';
import { parseWebhookUrl } from '../../main/core/webhook';
import { DEMO_WEBHOOK, startEmulator, type Emulator, type EmulatorWebhook } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';

const NOW = 1796644800;
const running: Array<{ emulator: Emulator; client: PortalClient }> = [];
afterEach(async () => {
  for (const { emulator, client } of running.splice(0)) {
    client.close();
    await emulator.close();
  }
});

async function portal(webhook: EmulatorWebhook = DEMO_WEBHOOK): Promise<{ emulator: Emulator; client: PortalClient }> {
  const emulator = await startEmulator({ rateLimit: false, liveNow: NOW, webhooks: [webhook] });
  const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl(webhook)), { extraCertificates: [emulator.certificate], demo: true });
  running.push({ emulator, client });
  return { emulator, client };
}

const noNames = () => ({});
const methods = (emulator: Emulator, from = 0) => emulator.requests.slice(from).map((r) => r.method);

describe('an overview refresh', () => {
  it('reads the recent list, every open session and the lines, and completes the sessions no chat record came with', async () => {
    const { emulator, client } = await portal();
    const kept: RawKept[] = [];
    const result = await fetchOverview({ client, sources: ['recent', 'crm', 'kept'], kept: [], lines: null, knownNames: noNames, onDialog: (dialog) => kept.push({ dialog }) });
    expect(result.sources).toEqual([
      { source: 'recent', state: 'used', rows: expect.any(Number) },
      { source: 'crm', state: 'used', rows: expect.any(Number) },
      { source: 'kept', state: 'used', rows: 0 },
    ]);
    // One batch (recent + first page + lines), the further pages, then the completion batches.
    const calls = methods(emulator);
    expect(calls[0]).toBe('batch');
    expect(Object.keys(emulator.requests[0]!.params['cmd'] as object)).toEqual(['recent', 'crm', 'lines']);
    const pages = calls.filter((m) => m === 'crm.activity.list').length;
    const crmRows = (result.sources[1] as { rows: number }).rows;
    expect(pages).toBe(Math.floor(crmRows / 50));
    // Paged by id, as the method's docs advise for long lists: each page asks past the last id it has, without counting the total.
    const pageParams = emulator.requests.filter((r) => r.method === 'crm.activity.list').map((r) => r.params as { filter: Record<string, string>; order: Record<string, string>; start: number });
    expect(pageParams.length).toBeGreaterThan(1);
    const afterIds = pageParams.map((params) => Number(params.filter['>ID']));
    expect(afterIds).toEqual([...afterIds].sort((a, b) => a - b));
    expect(new Set(afterIds).size).toBe(afterIds.length);
    for (const params of pageParams) expect(params).toMatchObject({ start: -1, order: { ID: 'ASC' }, filter: { PROVIDER_ID: 'IMOPENLINES_SESSION' } });
    const completions = emulator.requests.filter((r) => r.method === 'batch').slice(1);
    for (const request of completions) expect(Object.keys(request.params['cmd'] as object).length).toBeLessThanOrEqual(50);
    expect(kept.length).toBeGreaterThan(0);

    // One row per chat, every one with a chat now, named line and operator.
    const rows = result.rows;
    expect(new Set(rows.map((row) => row.chatId)).size).toBe(rows.length);
    expect(rows.every((row) => row.chatId !== null && row.lineName !== null && row.channel !== null)).toBe(true);
    expect(rows.length).toBeGreaterThan(100);
    // Waiting first, longest wait first.
    const waiting = rows.filter((row) => row.status === 'clientWaiting');
    expect(rows.slice(0, waiting.length)).toEqual(waiting);
    const since = waiting.map((row) => row.waitingSince ?? '\uffff');
    expect(since).toEqual([...since].sort());
    // A chat both in the recent list and among the sessions is one row that names both.
    expect(rows.some((row) => row.sources.includes('recent') && row.sources.includes('crm'))).toBe(true);
    // The session status comes from the recent list where the demo user is in the line's queue.
    expect(rows.some((row) => row.statusCode === 20 && row.status === 'clientWaiting')).toBe(true);
  });

  it('agrees with imopenlines.dialog.get for the rows it shows', async () => {
    const { client } = await portal();
    const result = await fetchOverview({ client, sources: ['recent', 'crm'], kept: [], lines: null, knownNames: noNames });
    const sample = result.rows.filter((row) => row.sources.includes('crm')).slice(0, 3);
    for (const row of sample) {
      const dialog = (await client.call('imopenlines.dialog.get', { CHAT_ID: row.chatId })).result as Record<string, unknown>;
      const session = String(dialog['entity_data_1']).split('|');
      expect(row.sessionId).toBe(Number(session[5]));
      expect(row.operatorId).toBe(dialog['owner']);
      expect(row.name).toBe(dialog['name']);
      expect(row.pinned).toBe(session[3] === 'Y');
    }
  });

  it('names the scope a missing source needs and still answers the others', async () => {
    const { emulator, client } = await portal({ userId: 1, key: 'lines0only', scopes: ['imopenlines'] });
    const result = await fetchOverview({ client, sources: ['recent', 'crm', 'kept'], kept: [], lines: null, knownNames: noNames });
    expect(result.sources).toEqual([
      { source: 'recent', state: 'needsScope', scope: 'im' },
      { source: 'crm', state: 'needsScope', scope: 'crm' },
      { source: 'kept', state: 'used', rows: 0 },
    ]);
    expect(result.rows).toEqual([]);
    // One request: both refused inside it, the lines answered.
    expect(methods(emulator)).toEqual(['batch']);
  });

  it('completes kept copies with fresh dialogs, and stands on them when the portal cannot be reached', async () => {
    const { emulator, client } = await portal();
    const dialog = (await client.call('imopenlines.dialog.get', { CHAT_ID: 1777 })).result as Record<string, unknown>;
    const stale = { ...dialog, name: 'An old name - Bitrix24 Documentation' };
    const keptCopies: KeptDialog[] = [{ dialog: stale, fetchedAt: '2026-01-01T00:00:00.000Z' }];
    const fresh = await fetchOverview({ client, sources: ['kept'], kept: keptCopies, lines: null, knownNames: noNames });
    expect(fresh.rows).toHaveLength(1);
    expect(fresh.rows[0]).toMatchObject({ chatId: 1777, name: dialog['name'], sources: ['kept'], completed: true, lineName: 'Bitrix24 Documentation' });

    emulator.injectFault({ kind: 'error', code: 'INTERNAL_SERVER_ERROR' }, { times: 20 });
    const out = await fetchOverview({ client, sources: ['recent', 'kept'], kept: keptCopies, lines: null, knownNames: (ids) => Object.fromEntries(ids.map((id) => [id, `Known ${id}`])) });
    expect(out.sources[0]).toMatchObject({ source: 'recent', state: 'failed', error: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(out.rows[0]).toMatchObject({ chatId: 1777, name: 'An old name - Bitrix24 Documentation', completed: false, operatorName: expect.any(String) });
  });

  it('asks nothing offline: the kept copies only', async () => {
    const { emulator, client } = await portal();
    const dialog = (await client.call('imopenlines.dialog.get', { CHAT_ID: 2001 })).result as Record<string, unknown>;
    const from = emulator.requests.length;
    const result = await fetchOverview({ client, sources: ['recent', 'crm', 'kept'], kept: [{ dialog, fetchedAt: 'x' }], lines: null, knownNames: noNames, offline: true });
    expect(emulator.requests.length).toBe(from);
    expect(result.sources.map((s) => s.state)).toEqual(['notAsked', 'notAsked', 'used']);
    expect(result.rows[0]).toMatchObject<Partial<OverviewRow>>({ chatId: 2001, status: null, pinned: true, crm: 'Deal 4410' });
  });

  it('stops when cancelled, between requests', async () => {
    const { client } = await portal();
    const controller = new AbortController();
    controller.abort();
    await expect(fetchOverview({ client, sources: ['recent'], kept: [], lines: null, knownNames: noNames, signal: controller.signal })).rejects.toMatchObject({ envelope: { code: 'CANCELLED' } });
  });
});

type RawKept = { dialog: Record<string, unknown> };
