// A bulk run kept in the history: one entry (outcome 'bulk') with its tally,
// its whole table reopened by the entry or by the run's id, with the found
// lookups in the "found" filter, and gone with its entry however the entry goes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { BulkRunResult } from '../../main/core/bulk-types';
import { InspectorStore } from '../../main/store/index';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-bulk-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

function run(runId: string, found: number, failed: number): BulkRunResult {
  const rows = [
    ...Array.from({ length: found }, (_, index) => ({ index, input: String(3001 + index), outcome: 'found' as const, dialog: null, error: null })),
    ...Array.from({ length: failed }, (_, i) => ({ index: found + i, input: `bad${i}`, outcome: 'failed' as const, dialog: null, error: null })),
  ];
  return { runId, rows, cancelled: false, found, kept: 0, failed, elapsedMs: 812.5 } as unknown as BulkRunResult;
}

it('is one history entry naming its first identifiers, with its tally, and reopens its table', () => {
  const inputs = Array.from({ length: 40 }, (_, i) => `chat${3001 + i}`);
  const entry = store.recordBulkRun('example.bitrix24.com', run('run-1', 38, 2), '2026-12-07T10:00:00.000Z', inputs);
  expect(entry).toMatchObject({ outcome: 'bulk', chatId: null, param: null, elapsedMs: 812.5, bulk: { total: 40, found: 38, kept: 0, failed: 2, cancelled: false } });
  expect(entry.input).toMatch(/^chat3001, chat3002, .*, …$/);
  expect(entry.input.length).toBeLessThanOrEqual(84);
  expect(store.listHistory()).toEqual([entry]);
  expect(store.bulkRun({ historyId: entry.id })?.rows).toHaveLength(40);
  expect(store.bulkRun({ runId: 'run-1' })?.found).toBe(38);
  expect(store.bulkRun({ runId: 'no-such-run' })).toBeNull();
});

it('is with the found lookups, not the errors', () => {
  store.recordBulkRun('example.bitrix24.com', run('run-2', 1, 1), '2026-12-07T10:00:00.000Z', ['1', 'x']);
  store.recordLookup({ account: 'example.bitrix24.com', input: 'x', param: null, value: null, at: '2026-12-07T10:01:00.000Z', outcome: 'INVALID_IDENTIFIER', chatId: null, elapsedMs: 0, source: 'network' });
  expect(store.listHistory({ outcome: 'ok' }).map((e) => e.outcome)).toEqual(['bulk']);
  expect(store.listHistory({ outcome: 'error' }).map((e) => e.outcome)).toEqual(['INVALID_IDENTIFIER']);
});

it('goes with its entry: deleted, cleared, or pruned by retention; a pinned one stays', () => {
  const deleted = store.recordBulkRun('a', run('run-a', 1, 0), '2026-12-07T10:00:00.000Z', ['1']);
  const cleared = store.recordBulkRun('a', run('run-b', 1, 0), '2026-12-07T10:00:00.000Z', ['1']);
  const pinned = store.recordBulkRun('a', run('run-c', 1, 0), '2020-01-01T00:00:00.000Z', ['1']);
  store.setPinned(pinned.id, true);
  store.deleteHistory(deleted.id);
  expect(store.bulkRun({ historyId: deleted.id })).toBeNull();
  store.clearHistory();
  expect(store.bulkRun({ historyId: cleared.id })).toBeNull();
  store.pruneHistory({ maxEntries: 0, maxAgeDays: 1 }, new Date('2026-12-07T12:00:00Z'));
  expect(store.bulkRun({ historyId: pinned.id })?.runId).toBe('run-c');
  store.close();
  expect(withRaw(databaseFile(dir), (db) => scalar(db, 'SELECT count(*) FROM bulk_runs'))).toBe(1);
  store = InspectorStore.open(dir);
});
