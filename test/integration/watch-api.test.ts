// The watch list over the main API, through the same dispatcher the IPC shell
// uses: watching the connected portal's dialog, its change pushed as a
// watchChange event in words with the watch's status beside it, the list with
// each dialog's kept copy in brief, marking it seen, unwatching, a dialog's
// own notification rules and the list's from the settings, bad input.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, EventName, EventPayload, WatchChangeEvent, WatchedRow, WatchList, WatchRules, WatchStatus } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, errorOf, ok } from '../support/ipc-result';

let emulator: Emulator;
let harness: Harness;
let events: Array<{ event: EventName; payload: unknown }>;

beforeEach(async () => {
  emulator = await startEmulator({ rateLimit: false });
  events = [];
  harness = await startHarness(emulator, { sendEvent: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }) });
});
afterEach(async () => {
  await harness.dispose();
  await emulator.close();
});

const pushed = <T>(name: EventName) => events.filter((one) => one.event === name).map((one) => one.payload as T);

describe('the watch list over the API', () => {
  it('watches the connected portal\'s dialog, pushes its change in words and the budget, lists it, marks it seen and unwatches it', async () => {
    const { portal } = ok<ConnectionState>(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const account = portal!.host;
    // Looked up once: the kept copy the watch compares with.
    ok(await harness.api.dispatch('lookup:run', { input: 'chat1777', numberAs: 'chat' }));
    emulator.updateDialog(1777, { name: 'VIP' });

    const added = ok<WatchedRow>(await harness.api.dispatch('watch:add', { chatId: 1777 }));
    expect(added).toMatchObject({ account, chatId: 1777, input: 'chat1777', unseen: 0, dialog: expect.objectContaining({ chatId: 1777, name: 'Green Guest #17 - Bitrix24 Documentation' }) });

    await vi.waitFor(() => expect(pushed<WatchChangeEvent>('watchChange')).toHaveLength(1));
    expect(pushed<WatchChangeEvent>('watchChange')[0]).toEqual({
      account,
      chatId: 1777,
      at: expect.any(String),
      changes: [expect.objectContaining({ key: 'name', text: 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”' })],
    });
    await vi.waitFor(() => expect(pushed<WatchStatus>('watchStatus').length).toBeGreaterThan(0));
    // Defaults: every 300 s, 25 % of the standard 2 a second.
    expect(pushed<WatchStatus>('watchStatus').at(-1)).toMatchObject({ account, state: 'watching', dialogs: 1, requestsPerCycle: 1, cycleSeconds: 300, allowedPerSecond: 0.5, shareAllowed: 25, error: null });

    const listed = ok<WatchList>(await harness.api.dispatch('watch:list', {}));
    expect(listed.account).toBe(account);
    expect(listed.status).toMatchObject({ state: 'watching', dialogs: 1 });
    expect(listed.rows).toEqual([expect.objectContaining({ chatId: 1777, unseen: 1, lastChanges: [expect.objectContaining({ key: 'name' })], dialog: expect.objectContaining({ name: 'VIP' }) })]);

    expect(ok(await harness.api.dispatch('watch:mark-seen', { chatId: 1777 }))).toEqual({ marked: true });
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', { account })).rows[0]?.unseen).toBe(0);
    expect(ok(await harness.api.dispatch('watch:remove', { chatId: 1777 }))).toEqual({ removed: true });
    expect(ok(await harness.api.dispatch('watch:remove', { chatId: 1777 }))).toEqual({ removed: false });
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', {})).rows).toEqual([]);
  });

  it('does not watch an account that is no longer saved: its watch stops at once and says why, its list kept', async () => {
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const from = emulator.requests.length;
    ok(await harness.api.dispatch('watch:add', { chatId: 1777, account: 'gone.bitrix24.com' }));
    await vi.waitFor(() => expect(pushed<WatchStatus>('watchStatus').at(-1)).toMatchObject({ account: 'gone.bitrix24.com', state: 'stopped' }));
    expect(pushed<WatchStatus>('watchStatus').at(-1)!.error).toMatchObject({ code: 'NOT_CONNECTED', message: expect.stringContaining('gone.bitrix24.com is no longer a saved account') });
    expect(emulator.requests.length).toBe(from);
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', { account: 'gone.bitrix24.com' }))).toMatchObject({ rows: [expect.objectContaining({ chatId: 1777 })], status: null });
  });

  it('keeps the watch\'s settings within their ranges', async () => {
    expect(ok(await harness.api.dispatch('settings:update', { watchIntervalSeconds: 30, watchShareOfLimit: 80 }))).toMatchObject({ watchIntervalSeconds: 30, watchShareOfLimit: 80 });
    expect(errorCode(await harness.api.dispatch('settings:update', { watchIntervalSeconds: 29 }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('settings:update', { watchShareOfLimit: 81 }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('settings:update', { watchShareOfLimit: 4 }))).toBe('INVALID_ARGUMENT');
    // A hand-edited file out of range falls back to the default.
    harness.store.set('settings.watchShareOfLimit', 100);
    expect(ok(await harness.api.dispatch('settings:get', undefined))).toMatchObject({ watchShareOfLimit: 25 });
  });

  it('sets a dialog\'s own notification rules, and back to the list\'s, which follow the settings', async () => {
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    const added = ok<WatchedRow>(await harness.api.dispatch('watch:add', { chatId: 1777 }));
    // The defaults: what a lead drops things for, no wait rule — what was notified before rules existed.
    expect(added.rules).toEqual({ own: false, kpiNote: null, rules: { waitedLonger: null, newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true, anyChange: false } });
    const own: WatchRules = { waitedLonger: 20, newSession: false, clientWaiting: false, operatorChanged: true, closed: true, blocked: false, anyChange: false };
    const set = ok<WatchedRow>(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: own }));
    expect(set).toMatchObject({ chatId: 1777, ownRules: own, rules: { own: true, rules: own } });
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', {})).rows[0]?.rules.rules).toEqual(own);

    ok(await harness.api.dispatch('settings:update', { watchNotify: 'all', watchWaitMinutes: 'kpi' }));
    const list = ok<WatchedRow>(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: null }));
    expect(list).toMatchObject({ ownRules: null, rules: { own: false, rules: { anyChange: true, waitedLonger: 'kpi' } } });
    ok(await harness.api.dispatch('settings:update', { watchNotify: 'off' }));
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', {})).rows[0]?.rules.rules).toEqual({ waitedLonger: null, newSession: false, clientWaiting: false, operatorChanged: false, closed: false, blocked: false, anyChange: false });
  });

  it('refuses rules with a wait out of range or a rule missing, and a dialog not watched, saying which', async () => {
    ok(await harness.api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() }));
    ok(await harness.api.dispatch('watch:add', { chatId: 1777 }));
    const rules: WatchRules = { waitedLonger: 15, newSession: true, clientWaiting: false, operatorChanged: false, closed: false, blocked: false, anyChange: false };
    for (const waitedLonger of [0, 1441, 2.5, -1]) {
      expect(errorOf(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: { ...rules, waitedLonger } }))).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: '"The client has waited longer than" takes whole minutes from 1 to 1440, or the line\'s answer-time target.',
      });
    }
    expect(errorCode(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: { ...rules, waitedLonger: 'KPI' } }))).toBe('INVALID_ARGUMENT');
    const { anyChange: _dropped, ...missing } = rules;
    expect(errorCode(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: missing }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('watch:rules', { chatId: 1777, rules: { ...rules, louder: true } }))).toBe('INVALID_ARGUMENT');
    expect(errorOf(await harness.api.dispatch('watch:rules', { chatId: 15, rules }))).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('chat15 is not on this account\'s watch list') });
    // Nothing was kept by the refusals.
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', {})).rows[0]?.ownRules).toBeNull();
  });

  it('keeps the list\'s wait setting to off, whole minutes from 1 to 1440, or the line\'s target', async () => {
    for (const value of [0, 1, 1440, 'kpi']) expect(ok(await harness.api.dispatch('settings:update', { watchWaitMinutes: value }))).toMatchObject({ watchWaitMinutes: value });
    for (const value of [-1, 1441, 2.5, 'KPI', null]) expect(errorCode(await harness.api.dispatch('settings:update', { watchWaitMinutes: value }))).toBe('INVALID_ARGUMENT');
    harness.store.set('settings.watchWaitMinutes', 5000);
    expect(ok(await harness.api.dispatch('settings:get', undefined))).toMatchObject({ watchWaitMinutes: 0 });
  });

  it('refuses a chat id that is not a positive whole number, and needs a portal when no account is named', async () => {
    expect(errorCode(await harness.api.dispatch('watch:add', { chatId: 0 }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('watch:add', { chatId: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('watch:add', { chatId: '1777' }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('watch:list', { account: '' }))).toBe('INVALID_ARGUMENT');
    expect(errorCode(await harness.api.dispatch('watch:add', { chatId: 1777 }))).toBe('NOT_CONNECTED');
    // Another account's list reads without a connection.
    expect(ok<WatchList>(await harness.api.dispatch('watch:list', { account: 'example.bitrix24.com' }))).toEqual({ account: 'example.bitrix24.com', rows: [], status: null });
  });
});
