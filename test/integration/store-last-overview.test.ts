// The last overview refresh that reached the portal, kept per account: read
// back whole after the store is opened again, replaced by a newer one and
// never by an older one (a slow refresh ending after a newer one), one per account.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OverviewResult } from '../../main/core/overview-types';
import { InspectorStore } from '../../main/store/index';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-overview-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

function refreshed(fetchedAt: string, chatIds: number[]): OverviewResult {
  return {
    rows: chatIds.map((chatId) => ({ chatId, name: `Клиент ${chatId}` })) as unknown as OverviewResult['rows'],
    sources: [{ source: 'recent', state: 'used', rows: chatIds.length }] as unknown as OverviewResult['sources'],
    fetchedAt,
    truncated: false,
  };
}

it('keeps the newest refresh per account, whole, across a reopening; an older one never replaces it', () => {
  expect(store.lastOverview('a.bitrix24.com')).toBeNull();
  const first = refreshed('2026-12-08T10:00:00.000Z', [1, 2]);
  const newer = refreshed('2026-12-08T10:05:00.000Z', [3]);
  store.keepOverview('a.bitrix24.com', first);
  store.keepOverview('a.bitrix24.com', newer);
  store.keepOverview('a.bitrix24.com', refreshed('2026-12-08T10:01:00.000Z', [9]));
  store.keepOverview('b.bitrix24.com', first);
  store.close();
  store = InspectorStore.open(dir);
  expect(store.lastOverview('a.bitrix24.com')).toEqual(newer);
  expect(store.lastOverview('b.bitrix24.com')).toEqual(first);
  expect(store.lastOverview('c.bitrix24.com')).toBeNull();
});
