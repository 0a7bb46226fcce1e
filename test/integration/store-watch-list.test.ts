// The watch list in the store: per account, what refreshes found, the unseen
// count and marking it seen, each dialog's own rules and the events they
// fired, kept across a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogChange } from '../../main/core/dialog-types';
import { InspectorStore } from '../../main/store/index';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-watch-'));
  store = InspectorStore.open(dir);
});
afterEach(async () => {
  store.close();
  await remove();
});

const renamed: DialogChange = { key: 'name', kind: 'renamed', before: 'A', after: 'B', text: 'Renamed: “A” → “B”' };
const pinned: DialogChange = { key: 'entity_data_3', kind: 'pinned', before: 'N', after: 'Y', text: 'Pinned to its operator' };

describe('the watch list', () => {
  it('keeps each account\'s watched dialogs apart, in the order added, and a second watch keeps the state', () => {
    store.watch('a.bitrix24.com', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    store.watch('a.bitrix24.com', 15, '15', '2026-03-16T11:00:00.000Z');
    store.watch('b.bitrix24.com', 1777, 'chat1777', '2026-03-16T12:00:00.000Z');
    store.watchRefreshed('a.bitrix24.com', 1777, { at: '2026-03-16T12:30:00.000Z', changes: [renamed], error: null });
    store.watch('a.bitrix24.com', 1777, '1777', '2026-03-16T13:00:00.000Z');
    expect(store.watchingAccounts()).toEqual(['a.bitrix24.com', 'b.bitrix24.com']);
    expect(store.watchList('a.bitrix24.com')).toEqual([
      { account: 'a.bitrix24.com', chatId: 1777, input: '1777', addedAt: '2026-03-16T10:00:00.000Z', refreshedAt: '2026-03-16T12:30:00.000Z', changedAt: '2026-03-16T12:30:00.000Z', lastChanges: [renamed], lastError: null, unseen: 1, ownRules: null },
      expect.objectContaining({ chatId: 15, input: '15', refreshedAt: null, changedAt: null, lastChanges: [], unseen: 0 }),
    ]);
    expect(store.watchList('b.bitrix24.com')).toEqual([expect.objectContaining({ chatId: 1777, unseen: 0 })]);
  });

  it('counts unseen changes until marked seen, keeps the last change, and notes a dialog the portal refused', () => {
    store.watch('demo', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:05:00.000Z', changes: null, error: null });
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:10:00.000Z', changes: [renamed, pinned], error: null });
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:15:00.000Z', changes: [], error: null });
    expect(store.watchedDialog('demo', 1777)).toMatchObject({ refreshedAt: '2026-03-16T10:15:00.000Z', changedAt: '2026-03-16T10:10:00.000Z', lastChanges: [renamed, pinned], unseen: 2 });
    // The same refresh noted twice (a retry after a crash) is not counted twice.
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:10:00.000Z', changes: [renamed, pinned], error: null });
    expect(store.watchedDialog('demo', 1777)?.unseen).toBe(2);
    expect(store.markSeen('demo', 1777)).toBe(true);
    expect(store.watchedDialog('demo', 1777)?.unseen).toBe(0);
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:20:00.000Z', changes: null, error: 'ACCESS_ERROR' });
    expect(store.watchedDialog('demo', 1777)).toMatchObject({ lastError: 'ACCESS_ERROR', lastChanges: [renamed, pinned] });
    expect(store.markSeen('demo', 99)).toBe(false);
  });

  it('unwatching takes it off the list, keeps its kept copy, and a refresh landing after it adds nothing back', () => {
    store.putDialog('demo', { id: 1777, dialog_id: 'chat1777', name: 'A' }, null, '2026-03-16T10:00:00.000Z');
    store.watch('demo', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    expect(store.unwatch('demo', 1777)).toBe(true);
    expect(store.unwatch('demo', 1777)).toBe(false);
    store.watchRefreshed('demo', 1777, { at: '2026-03-16T10:10:00.000Z', changes: [renamed], error: null });
    expect(store.watchList('demo')).toEqual([]);
    expect(store.watchingAccounts()).toEqual([]);
    expect(store.findDialog('demo', { param: 'CHAT_ID', value: 1777 })?.dialog['name']).toBe('A');
  });

  it('is kept across a reopen, the input exactly as typed', () => {
    store.watch('demo', 1777, 'chat1777\u0000 тест', '2026-03-16T10:00:00.000Z');
    store.close();
    store = InspectorStore.open(dir);
    expect(store.watchList('demo').map((row) => row.input)).toEqual(['chat1777\u0000 тест']);
  });

  it('keeps a dialog\'s own rules across a reopen, and forgets them back to the list\'s; none for a dialog not watched', () => {
    const own = { waitedLonger: 'kpi' as const, newSession: true, clientWaiting: false, operatorChanged: true, closed: false, blocked: false, anyChange: false };
    store.watch('demo', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    expect(store.setWatchRules('demo', 1777, own)).toMatchObject({ chatId: 1777, ownRules: own });
    expect(store.setWatchRules('demo', 99, own)).toBeNull();
    store.close();
    store = InspectorStore.open(dir);
    expect(store.watchedDialog('demo', 1777)?.ownRules).toEqual(own);
    expect(store.setWatchRules('demo', 1777, null)?.ownRules).toBeNull();
    // Watching it again keeps its rules, as it keeps the rest of its state.
    store.setWatchRules('demo', 1777, own);
    store.watch('demo', 1777, '1777', '2026-03-16T11:00:00.000Z');
    expect(store.watchedDialog('demo', 1777)?.ownRules).toEqual(own);
  });

  it('says a fired event once, never again after a reopen, and forgets a dialog\'s events when it is unwatched', () => {
    store.watch('demo', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    store.watch('demo', 15, '15', '2026-03-16T10:00:00.000Z');
    const waited = 'waited:343@2026-03-16T19:50:08.000Z';
    expect(store.fireWatchEvents('demo', 1777, [waited, 'session:344'], '2026-03-16T20:10:00.000Z')).toEqual([waited, 'session:344']);
    expect(store.fireWatchEvents('demo', 1777, [waited], '2026-03-16T20:15:00.000Z')).toEqual([]);
    expect(store.fireWatchEvents('demo', 15, [waited], '2026-03-16T20:15:00.000Z')).toEqual([waited]);
    store.close();
    store = InspectorStore.open(dir);
    expect(store.fireWatchEvents('demo', 1777, [waited, 'closed:x'], '2026-03-16T20:20:00.000Z')).toEqual(['closed:x']);
    expect(store.unwatch('demo', 1777)).toBe(true);
    expect(store.firedWatchEvents('demo', 1777)).toEqual([]);
    expect(store.firedWatchEvents('demo', 15)).toEqual([waited]);
    // A refresh landing after the unwatch keeps nothing: watched again, the dialog starts afresh.
    expect(store.fireWatchEvents('demo', 1777, ['session:345'], '2026-03-16T20:25:00.000Z')).toEqual([]);
    store.watch('demo', 1777, 'chat1777', '2026-03-16T20:30:00.000Z');
    expect(store.firedWatchEvents('demo', 1777)).toEqual([]);
  });

  it('keeps the newest 500 fired events of a dialog', () => {
    store.watch('demo', 1777, 'chat1777', '2026-03-16T10:00:00.000Z');
    const keys = Array.from({ length: 510 }, (_, at) => `anyChange:name@${at}`);
    keys.forEach((key, at) => store.fireWatchEvents('demo', 1777, [key], new Date(Date.parse('2026-03-16T10:00:00.000Z') + at * 1000).toISOString()));
    const kept = store.firedWatchEvents('demo', 1777);
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe('anyChange:name@10');
    expect(kept.at(-1)).toBe('anyChange:name@509');
  });

  it('refuses a chat id that is not a positive whole number', () => {
    expect(() => store.watch('demo', 0, '0', '2026-03-16T10:00:00.000Z')).toThrow(expect.objectContaining({ code: 'STORE_BAD_ARGUMENT' }));
  });
});
