// The watch list over the main API, through the same dispatcher the IPC shell
// uses: watching the connected portal's dialog, its change pushed as a
// watchChange event in words with the watch's status beside it, the list with
// each dialog's kept copy in brief, marking it seen, unwatching, bad input.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, EventName, EventPayload, WatchChangeEvent, WatchedRow, WatchList, WatchStatus } from '../../preload/api-contract';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { startHarness, type Harness } from '../support/main-api-harness';
import { errorCode, ok } from '../support/ipc-result';

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
