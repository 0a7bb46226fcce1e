// The history panel's store against a fake bridge: what it asks main for,
// what it keeps, and which answers it ignores.
import { afterEach, beforeEach, describe, expect, it as test, vi } from 'vitest';
import type { HistoryEntry, HistoryQuery, Result } from '../../preload/api-contract';
import { deferred, failed, fakeInspector, ok } from './support/fake-inspector';
import { freshStores, said } from './support/fresh-stores';

function entry(id: number, more: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    account: 'example.bitrix24.com',
    input: `chat${id}`,
    param: 'CHAT_ID',
    value: String(id),
    at: '2026-01-02T10:00:00.000Z',
    outcome: 'ok',
    chatId: id,
    elapsedMs: 120,
    source: 'portal',
    pinned: false,
    ...more,
  } as HistoryEntry;
}

const entries = (from: number, count: number): HistoryEntry[] => Array.from({ length: count }, (_, i) => entry(from - i));

/** A bridge whose history answers with `list(query)`; every query asked is kept. */
function historyBridge(list: (query: HistoryQuery) => Promise<Result<HistoryEntry[]>> | Result<HistoryEntry[]>) {
  const asked: HistoryQuery[] = [];
  const api = fakeInspector({
    listHistory: async (query) => {
      asked.push(query);
      return list(query);
    },
    historyStatus: async () => ok({ recovered: [] }),
  });
  return { api, asked };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('listing', () => {
  test('the first page is asked for this portal, fifty at a time', async () => {
    const { history } = await freshStores();
    const { asked } = historyBridge(() => ok(entries(3, 3)));
    await history.reload(false);
    expect(asked).toEqual([{ limit: 50 }]);
    expect(history.entries.map((item) => item.id)).toEqual([3, 2, 1]);
    expect(history.loaded).toBe(true);
    expect(history.loading).toBe(false);
  });

  test('a full page means there may be older entries; the next page starts below the last one shown', async () => {
    const { history } = await freshStores();
    const { asked } = historyBridge((query) => ok(query.beforeId === undefined ? entries(100, 50) : entries(50, 10)));
    await history.reload(false);
    expect(history.hasMore).toBe(true);
    await history.showOlder();
    expect(asked[1]).toEqual({ limit: 50, beforeId: 51 });
    expect(history.entries).toHaveLength(60);
    expect(history.hasMore).toBe(false);
  });

  test('a failed list is kept as the error, and loaded with nothing listed', async () => {
    const { history } = await freshStores();
    historyBridge(() => failed('STORE_BUSY'));
    await history.reload();
    expect(history.error?.code).toBe('STORE_BUSY');
    expect(history.loaded).toBe(true);
    expect(history.entries).toEqual([]);
  });

  test('the next answer that succeeds clears the error', async () => {
    const { history } = await freshStores();
    let fail = true;
    historyBridge(() => (fail ? failed('STORE_BUSY') : ok(entries(1, 1))));
    await history.reload();
    fail = false;
    await history.reload();
    expect(history.error).toBeNull();
    expect(history.entries).toHaveLength(1);
  });
});

describe('filters', () => {
  test('outcome and scope are asked for at once', async () => {
    const { history } = await freshStores();
    const { asked } = historyBridge(() => ok([]));
    history.setOutcome('error');
    history.setScope('all');
    await vi.runAllTimersAsync();
    expect(asked.at(-1)).toEqual({ limit: 50, outcome: 'error', allAccounts: true });
    expect(history.filtered).toBe(true);
  });

  test('search text is asked for once typing pauses, trimmed, and only the last text', async () => {
    const { history } = await freshStores();
    const { asked } = historyBridge(() => ok([]));
    history.setSearch('ch');
    history.setSearch('chat1 ');
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual([{ limit: 50, text: 'chat1' }]);
    expect(history.search).toBe('chat1 ');
  });

  test('the filters answered are known, so their count is said only once the list matches them', async () => {
    const { history } = await freshStores();
    const pending = deferred<Result<HistoryEntry[]>>();
    historyBridge(() => pending.promise);
    history.setOutcome('ok');
    expect(history.answeredKey).not.toBe(history.filterKey);
    pending.resolve(ok([]));
    await vi.runAllTimersAsync();
    expect(history.answeredKey).toBe(history.filterKey);
  });

  test('clearing the filters asks for everything again', async () => {
    const { history } = await freshStores();
    const { asked } = historyBridge(() => ok([]));
    history.setOutcome('error');
    history.setSearch('x');
    history.clearFilters();
    await vi.runAllTimersAsync();
    expect(asked.at(-1)).toEqual({ limit: 50 });
    expect(history.filtered).toBe(false);
    expect(history.search).toBe('');
    // The search typed before clearing never went out.
    expect(asked.some((query) => query.text !== undefined)).toBe(false);
  });
});

describe('stale answers', () => {
  test('an older answer arriving after a newer one is ignored', async () => {
    const { history } = await freshStores();
    const first = deferred<Result<HistoryEntry[]>>();
    const second = deferred<Result<HistoryEntry[]>>();
    const answers = [first, second];
    historyBridge(() => answers.shift()!.promise);
    const older = history.reload(false);
    history.setOutcome('error');
    second.resolve(ok([entry(7, { outcome: 'ACCESS_ERROR' })]));
    await vi.runAllTimersAsync();
    first.resolve(ok(entries(3, 3)));
    await older;
    expect(history.entries.map((item) => item.id)).toEqual([7]);
  });

  test('the list stays busy until the newest answer, not the first, comes back', async () => {
    const { history } = await freshStores();
    const first = deferred<Result<HistoryEntry[]>>();
    const second = deferred<Result<HistoryEntry[]>>();
    const answers = [first, second];
    historyBridge(() => answers.shift()!.promise);
    void history.reload(false);
    void history.reload(false);
    first.resolve(ok([]));
    await vi.runAllTimersAsync();
    expect(history.loading).toBe(true);
    second.resolve(ok([]));
    await vi.runAllTimersAsync();
    expect(history.loading).toBe(false);
  });

  test('an older failure does not replace a newer list', async () => {
    const { history } = await freshStores();
    const first = deferred<Result<HistoryEntry[]>>();
    const second = deferred<Result<HistoryEntry[]>>();
    const answers = [first, second];
    historyBridge(() => answers.shift()!.promise);
    void history.reload(false);
    void history.reload(false);
    second.resolve(ok(entries(2, 2)));
    await vi.runAllTimersAsync();
    first.resolve(failed('STORE_BUSY'));
    await vi.runAllTimersAsync();
    expect(history.error).toBeNull();
    expect(history.entries).toHaveLength(2);
  });
});

describe('pinning and deleting', () => {
  test('pinning marks the entry at once, says so, and lists again', async () => {
    const { history, announcer, messages } = await freshStores();
    const shown = entries(2, 2);
    const { api, asked } = historyBridge(() => ok(shown));
    const pin = vi.fn(async () => ok(null));
    api.setHistoryPinned = pin;
    await history.reload();
    const reloaded = deferred<Result<HistoryEntry[]>>();
    api.listHistory = async (query) => {
      asked.push(query);
      return reloaded.promise;
    };
    const pinning = history.setPinned(shown[1]!, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(pin).toHaveBeenCalledWith({ id: 1, pinned: true });
    expect(history.entries.find((item) => item.id === 1)?.pinned).toBe(true);
    expect(await said(announcer)).toBe(messages.history.pinnedAnnounce);
    reloaded.resolve(ok(shown));
    await pinning;
    expect(asked).toHaveLength(2);
  });

  test('a pin main refused changes nothing and shows why', async () => {
    const { history, announcer } = await freshStores();
    const shown = entries(1, 1);
    const { api } = historyBridge(() => ok(shown));
    api.setHistoryPinned = async () => failed('STORE_NO_ACCESS', 'History is read-only');
    await history.reload();
    await history.setPinned(shown[0]!, true);
    expect(history.entries[0]?.pinned).toBe(false);
    expect(announcer.notice).toEqual({ text: 'History is read-only: History is read-only, said the fake.', tone: 'error' });
  });

  test('deleting takes the entry out, says so, and answers true', async () => {
    const { history, announcer, messages } = await freshStores();
    let shown = entries(3, 3);
    const { api } = historyBridge(() => ok(shown));
    const remove = vi.fn(async ({ id }: { id: number }) => {
      shown = shown.filter((item) => item.id !== id);
      return ok(null);
    });
    api.deleteHistoryEntry = remove;
    await history.reload();
    expect(await history.remove(shown[1]!)).toBe(true);
    expect(remove).toHaveBeenCalledWith({ id: 2 });
    expect(history.entries.map((item) => item.id)).toEqual([3, 1]);
    expect(await said(announcer)).toBe(messages.history.removedAnnounce);
  });

  test('a delete main refused keeps the entry and answers false', async () => {
    const { history, announcer } = await freshStores();
    const shown = entries(2, 2);
    const { api } = historyBridge(() => ok(shown));
    api.deleteHistoryEntry = async () => failed('STORE_BUSY', 'History is locked');
    await history.reload();
    expect(await history.remove(shown[0]!)).toBe(false);
    expect(history.entries).toHaveLength(2);
    expect(announcer.notice?.tone).toBe('error');
  });
});
