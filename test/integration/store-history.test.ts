// History of lookups in a real database file: record, list (newest first,
// filtered, paged), pin, delete, exact values, and that it all survives a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InspectorStore, StoreError, type NewHistoryEntry } from '../../main/store/index';
import { documentedDialog } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-history-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

function entry(overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  return {
    account: 'example.bitrix24.com',
    input: 'chat1777',
    param: 'DIALOG_ID',
    value: 'chat1777',
    at: '2026-03-16T19:54:38.123Z',
    outcome: 'ok',
    chatId: 1777,
    elapsedMs: 423.5,
    source: 'network',
    ...overrides,
  };
}

describe('recordLookup', () => {
  it('returns the stored entry with a new id, unpinned, every field as given', () => {
    const first = store.recordLookup(entry());
    const second = store.recordLookup(entry({ input: '343', param: 'SESSION_ID', value: '343', source: 'cache' }));
    expect(first).toEqual({ ...entry(), id: first.id, pinned: false });
    expect(second.id).toBeGreaterThan(first.id);
    expect(second.source).toBe('cache');
  });

  it('keeps a refused input: no param, no value, no chat', () => {
    const refused = store.recordLookup(entry({ input: 'chat 17 77', param: null, value: null, outcome: 'INVALID_IDENTIFIER', chatId: null, elapsedMs: 0 }));
    expect(store.listHistory()).toEqual([refused]);
    expect(refused).toMatchObject({ param: null, value: null, chatId: null, outcome: 'INVALID_IDENTIFIER' });
  });

  it('stores text exactly: Cyrillic, Arabic, CJK, emoji, markup, control characters', () => {
    const inputs = [
      'Анна Смирнова',
      'أحمد محمود - خدمة العملاء',
      '王小明 佐藤 花子',
      'Olivia 🌸 Brown 👩🏽‍💻',
      '<img src=x onerror=alert(1)>',
      '"quotes" \'single\' \\ back; DROP TABLE history; --',
      'tab\there\nnew line\u0000nul\u202Ertl',
      '',
      'imol|livechat|22|1775|599',
    ];
    for (const input of inputs) store.recordLookup(entry({ input, value: input, account: `${input}.acc` }));
    store.close();
    store = InspectorStore.open(dir);
    const stored = store.listHistory().reverse();
    expect(stored.map((e) => e.input)).toEqual(inputs);
    expect(stored.map((e) => e.value)).toEqual(inputs);
    expect(stored.map((e) => e.account)).toEqual(inputs.map((i) => `${i}.acc`));
  });

  it('refuses a source other than network or cache, and writes nothing', () => {
    expect(() => store.recordLookup(entry({ source: 'disk' as never }))).toThrow(/CHECK constraint/);
    expect(store.listHistory()).toEqual([]);
  });
});

describe('listHistory', () => {
  it('is newest first and returns 100 entries unless told otherwise', () => {
    for (let i = 0; i < 130; i += 1) store.recordLookup(entry({ input: `chat${i}` }));
    const page = store.listHistory();
    expect(page).toHaveLength(100);
    expect(page[0]?.input).toBe('chat129');
    expect(page[99]?.input).toBe('chat30');
    expect(store.listHistory({ limit: 5 }).map((e) => e.input)).toEqual(['chat129', 'chat128', 'chat127', 'chat126', 'chat125']);
    expect(store.listHistory({ limit: 0 })).toEqual([]);
  });

  it('filters by account and pages with beforeId', () => {
    for (let i = 0; i < 10; i += 1) store.recordLookup(entry({ account: i % 2 === 0 ? 'a.bitrix24.com' : 'demo', input: String(i) }));
    const demo = store.listHistory({ account: 'demo' });
    expect(demo.map((e) => e.input)).toEqual(['9', '7', '5', '3', '1']);
    const firstPage = store.listHistory({ account: 'a.bitrix24.com', limit: 2 });
    expect(firstPage.map((e) => e.input)).toEqual(['8', '6']);
    const next = store.listHistory({ account: 'a.bitrix24.com', limit: 2, beforeId: firstPage[1]?.id });
    expect(next.map((e) => e.input)).toEqual(['4', '2']);
    const all = store.listHistory({ beforeId: demo[0]?.id, limit: 3 });
    expect(all.map((e) => e.input)).toEqual(['8', '7', '6']);
    expect(store.listHistory({ account: 'nobody' })).toEqual([]);
  });

  it('rejects a limit that is not a whole number', () => {
    expect(() => store.listHistory({ limit: -1 })).toThrow(StoreError);
    expect(() => store.listHistory({ limit: 1.5 })).toThrow(/whole number/);
  });

  it('pages one account with the (account, id) index, not a scan', () => {
    store.recordLookup(entry());
    const plan = withRaw(databaseFile(dir), (db) =>
      (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM history WHERE account = ? AND id < ? ORDER BY id DESC LIMIT ?').raw(true).all('demo', 10, 100) as unknown[][])
        .map((row) => String(row[3]))
        .join('\n'),
    );
    expect(plan).toMatch(/USING (COVERING )?INDEX history_by_account/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe('the kept dialog\'s name', () => {
  const GREEN = 'Green Guest #17 - Bitrix24 Documentation';

  it('comes with each lookup whose chat is kept, as the latest copy names it; none for others', () => {
    const before = store.recordLookup(entry({ input: '1777', param: 'CHAT_ID', value: '1777' }));
    const failed = store.recordLookup(entry({ input: '9', outcome: 'NOT_FOUND', chatId: null }));
    expect(before.name).toBeUndefined();
    store.putDialog('example.bitrix24.com', documentedDialog().dialog, null, '2026-03-16T19:54:39.000Z');
    // Another portal's chat 1777 is another dialog.
    const elsewhere = store.recordLookup(entry({ account: 'other.bitrix24.com' }));
    expect(store.listHistory().map((item) => [item.id, item.name])).toEqual([
      [elsewhere.id, undefined],
      [failed.id, undefined],
      [before.id, GREEN],
    ]);
    const renamed = { ...documentedDialog().dialog, name: '<b>Анна</b> \u202Eevil' };
    store.putDialog('example.bitrix24.com', renamed, null, '2026-03-17T00:00:00.000Z');
    expect(store.listHistory({ account: 'example.bitrix24.com' }).at(-1)?.name).toBe('<b>Анна</b> \u202Eevil');
  });

  it('is matched by the text filter: a client\'s name finds the lookups of their chat', () => {
    store.recordLookup(entry({ input: '1777', param: 'CHAT_ID', value: '1777' }));
    store.recordLookup(entry({ input: '1800', param: 'CHAT_ID', value: '1800', chatId: 1800 }));
    store.recordLookup(entry({ input: 'nothing', outcome: 'NOT_FOUND', chatId: null }));
    store.putDialog('example.bitrix24.com', documentedDialog().dialog, null, '2026-03-16T19:54:39.000Z');
    expect(store.listHistory({ text: 'green GUEST' }).map((item) => item.input)).toEqual(['1777']);
    expect(store.listHistory({ text: 'documentation', outcome: 'ok', account: 'example.bitrix24.com' }).map((item) => item.input)).toEqual(['1777']);
    expect(store.listHistory({ text: 'green', outcome: 'error' })).toEqual([]);
    // Still what was typed, too.
    expect(store.listHistory({ text: '1800' }).map((item) => item.input)).toEqual(['1800']);
  });

  it('lists only the pinned entries when asked, with the other filters', () => {
    const kept = store.recordLookup(entry({ input: '1777', param: 'CHAT_ID', value: '1777' }));
    store.recordLookup(entry({ input: '1800', param: 'CHAT_ID', value: '1800', chatId: 1800 }));
    const failed = store.recordLookup(entry({ input: 'nothing', outcome: 'NOT_FOUND', chatId: null }));
    expect(store.listHistory({ pinnedOnly: true })).toEqual([]);
    store.setPinned(kept.id, true);
    store.setPinned(failed.id, true);
    expect(store.listHistory({ pinnedOnly: true }).map((item) => item.input)).toEqual(['nothing', '1777']);
    expect(store.listHistory({ pinnedOnly: true, outcome: 'ok' }).map((item) => item.input)).toEqual(['1777']);
    expect(store.listHistory({ pinnedOnly: false }).map((item) => item.input)).toEqual(['nothing', '1800', '1777']);
  });
});

describe('setPinned and deleteHistory', () => {
  it('pins and unpins one entry, and the pin survives a reopen', () => {
    const a = store.recordLookup(entry({ input: 'a' }));
    const b = store.recordLookup(entry({ input: 'b' }));
    store.setPinned(a.id, true);
    store.close();
    store = InspectorStore.open(dir);
    expect(store.listHistory().map((e) => [e.input, e.pinned])).toEqual([['b', false], ['a', true]]);
    store.setPinned(a.id, false);
    expect(store.listHistory().every((e) => !e.pinned)).toBe(true);
    expect(b.pinned).toBe(false);
  });

  it('deletes one entry and never reuses its id', () => {
    const a = store.recordLookup(entry({ input: 'a' }));
    const b = store.recordLookup(entry({ input: 'b' }));
    store.deleteHistory(b.id);
    expect(store.listHistory().map((e) => e.input)).toEqual(['a']);
    const c = store.recordLookup(entry({ input: 'c' }));
    expect(c.id).toBeGreaterThan(b.id);
    // An id that is already gone is not an error: another window may have deleted it.
    store.deleteHistory(b.id);
    store.setPinned(b.id, true);
    expect(store.listHistory().map((e) => e.id)).toEqual([c.id, a.id]);
  });
});

describe('the file', () => {
  it('is created in the data folder, in WAL mode, with every entry after a reopen', () => {
    store.recordLookup(entry());
    store.close();
    const { journal, rows } = withRaw(databaseFile(dir), (db) => ({
      journal: scalar(db, 'PRAGMA journal_mode'),
      rows: scalar(db, 'SELECT count(*) FROM history'),
    }));
    expect(journal).toBe('wal');
    expect(rows).toBe(1);
    store = InspectorStore.open(dir);
    expect(store.listHistory()).toHaveLength(1);
    expect(store.report.recovered).toEqual([]);
  });

  it('refuses calls after close, and close twice is harmless', () => {
    store.close();
    store.close();
    expect(() => store.listHistory()).toThrow(expect.objectContaining({ code: 'STORE_CLOSED' }));
    store = InspectorStore.open(dir);
  });
});

describe('retention', () => {
  it('keeps the newest entries within the count and age limits, and every pinned one', async () => {
    const { dir, remove } = await makeTempDir();
    const store = InspectorStore.open(dir);
    try {
      const now = new Date('2026-11-24T00:00:00Z');
      const day = 86_400_000;
      const entry = (input: string, daysAgo: number) => ({
        account: 'demo',
        input,
        param: 'CHAT_ID' as const,
        value: input,
        at: new Date(now.getTime() - daysAgo * day).toISOString(),
        outcome: 'ok',
        chatId: Number(input),
        elapsedMs: 1,
        source: 'network' as const,
      });
      const ancientPinned = store.recordLookup(entry('1', 400));
      store.setPinned(ancientPinned.id, true);
      store.recordLookup(entry('2', 200));
      for (const input of ['3', '4', '5', '6']) store.recordLookup(entry(input, 1));
      expect(store.pruneHistory({ maxEntries: 3, maxAgeDays: 180 }, now)).toEqual({ entries: 2, transcripts: 0 });
      expect(store.listHistory().map((kept) => kept.input)).toEqual(['6', '5', '4', '1']);
      expect(store.pruneHistory({ maxEntries: 3, maxAgeDays: 180 }, now)).toEqual({ entries: 0, transcripts: 0 });
      expect(() => store.pruneHistory({ maxEntries: -1, maxAgeDays: 1 }, now)).toThrow(/non-negative/);
    } finally {
      store.close();
      await remove();
    }
  });
});
