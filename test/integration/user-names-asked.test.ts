// Users a dialog only numbers, named by the portal: im.user.list.get on the
// emulator (its shapes, its errors, its scope), and a lookup that asks once
// for the ids nobody named, keeps the names, and says which scope would name
// them when the account lacks it.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_WEBHOOK, type EmulatorWebhook } from '../../main/emulator/index';
import type { LookupResult } from '../../preload/api-contract';
import { callEmulator, startedEmulators } from '../support/emulator-call';
import { startHarness, type Harness } from '../support/main-api-harness';
import { ok } from '../support/ipc-result';

const start = startedEmulators({ rateLimit: false });
const NO_IM: EmulatorWebhook = { userId: 1, key: 'no0im0scope', scopes: ['imopenlines'] };
const USER_ONLY: EmulatorWebhook = { userId: 1, key: 'user0brief0only', scopes: ['imopenlines', 'user_brief'] };

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

describe('im.user.list.get on the emulator', () => {
  it('names employees, bots and clients by id (an array or a JSON string), null for an id it has no user for', async () => {
    const emulator = await start();
    const reply = await callEmulator(emulator, 'im.user.list.get', { ID: [27, 597, 599, 99999] });
    expect(reply.status).toBe(200);
    const result = reply.json.result;
    expect(result['27']).toMatchObject({ id: 27, name: 'Samantha Johnson', first_name: 'Samantha', last_name: 'Johnson', bot: false, connector: false });
    expect(result['597']).toMatchObject({ id: 597, name: 'Help Desk Bot', bot: true });
    expect(result['599']).toMatchObject({ id: 599, name: 'Green Guest #17', connector: true });
    expect(result['99999']).toBeNull();
    const asText = await callEmulator(emulator, 'im.user.list.get', { ID: '[31]' });
    expect(asText.json.result['31'].name).toBe('Daniel Kim');
  });

  it('refuses an empty or unreadable ID with INVALID_FORMAT, and a webhook without im with insufficient_scope', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, NO_IM] });
    for (const ID of [[], 'not json', ['x']]) {
      const reply = await callEmulator(emulator, 'im.user.list.get', { ID });
      expect(reply.json.error, JSON.stringify(ID)).toBe('INVALID_FORMAT');
    }
    const refused = await callEmulator(emulator, 'im.user.list.get', { ID: [27] }, { webhook: NO_IM });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('insufficient_scope');
  });
});

describe('user.get on the emulator', () => {
  it('lists employees by FILTER @ID with a user scope, never a bot or a client, 50 a page with total', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, USER_ONLY, NO_IM] });
    const reply = await callEmulator(emulator, 'user.get', { FILTER: { '@ID': [27, 597, 599, 31] } }, { webhook: USER_ONLY });
    expect(reply.status).toBe(200);
    expect(reply.json.result.map((user: { ID: string; NAME: string; LAST_NAME: string }) => [user.ID, user.NAME, user.LAST_NAME])).toEqual([
      ['27', 'Samantha', 'Johnson'],
      ['31', 'Daniel', 'Kim'],
    ]);
    expect(reply.json.total).toBe(2);
    const all = await callEmulator(emulator, 'user.get', {}, { webhook: USER_ONLY });
    expect(all.json.total).toBe(all.json.result.length);
    const refused = await callEmulator(emulator, 'user.get', { FILTER: { ID: 27 } }, { webhook: NO_IM });
    expect(refused.json.error).toBe('insufficient_scope');
  });
});

describe('a lookup', () => {
  const asks = (requests: ReadonlyArray<{ method: string; params: Record<string, unknown> }>, from: number) =>
    requests.slice(from).filter((request) => request.method === 'im.user.list.get').map((request) => request.params['ID']);

  it('asks the portal once for the users nobody named, shows and keeps their names', async () => {
    const emulator = await start();
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(), name: 'Support' }));
    const from = emulator.requests.length;
    const result = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '2001', numberAs: 'chat' }));
    expect(asks(emulator.requests, from)).toEqual([[31]]);
    expect(result.names['31']).toBe('Daniel Kim');
    expect(result.namesNeedScope).toBeUndefined();
    // The People rows name the manager too.
    expect(JSON.stringify(result.sections)).toContain('Daniel Kim');

    // Named from the store now, so not asked again; offline too.
    const again = emulator.requests.length;
    expect(ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '2001', numberAs: 'chat' })).names['31']).toBe('Daniel Kim');
    expect(asks(emulator.requests, again)).toEqual([]);
    const kept = ok<LookupResult>(await harness.api.dispatch('cache:open', { account: new URL(emulator.origin).host, chatId: 2001 }));
    expect(kept.names['31']).toBe('Daniel Kim');
  });

  it('without the im scope, says the scope that would name them, and does not ask at every lookup', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, NO_IM] });
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(NO_IM), name: 'Narrow' }));
    const from = emulator.requests.length;
    const first = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '2001', numberAs: 'chat' }));
    expect(first.namesNeedScope).toBe('im');
    expect(first.names['31']).toBeUndefined();
    const second = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '2001', numberAs: 'chat' }));
    expect(second.namesNeedScope).toBe('im');
    expect(asks(emulator.requests, from)).toEqual([[31]]);
  });

  it('with a user scope but no im, names the operators through user.get and still says im would name the rest', async () => {
    const emulator = await start({ webhooks: [DEMO_WEBHOOK, USER_ONLY] });
    harness = await startHarness(emulator);
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl(USER_ONLY), name: 'Brief' }));
    const from = emulator.requests.length;
    const first = ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: '2001', numberAs: 'chat' }));
    expect(first.names['31']).toBe('Daniel Kim');
    expect(emulator.requests.slice(from).map((request) => request.method).filter((method) => method !== 'batch' && !method.startsWith('imopenlines'))).toEqual(['im.user.list.get', 'user.get']);
    // Known now to lack im: the next lookup of another dialog goes to user.get at once.
    const again = emulator.requests.length;
    ok<LookupResult>(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    expect(emulator.requests.slice(again).some((request) => request.method === 'im.user.list.get')).toBe(false);
  });
});
