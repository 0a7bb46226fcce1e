// The kept-dialog search behind the history's search box: debounced, and the
// newest answer is the one shown.
import { afterEach, beforeEach, expect, it as test, vi } from 'vitest';
import type { DialogSearchHit, Result, SearchQuery } from '../../preload/api-contract';
import { deferred, failed, fakeInspector, ok, type Deferred } from './support/fake-inspector';
import { freshStores } from './support/fresh-stores';

const DELAY_MS = 120;

function hit(chatId: number): DialogSearchHit {
  return { account: 'example.bitrix24.com', chatId, dialogId: `chat${chatId}`, name: `Dialog ${chatId}`, snippet: 'x', fetchedAt: '2026-01-02T10:00:00.000Z' } as DialogSearchHit;
}

/** Each search waits for the test to answer it; what was asked is kept in order. */
function searchBridge() {
  const asked: { query: SearchQuery; answer: Deferred<Result<DialogSearchHit[]>> }[] = [];
  fakeInspector({
    searchDialogs: (query) => {
      const answer = deferred<Result<DialogSearchHit[]>>();
      asked.push({ query, answer });
      return answer.promise;
    },
  });
  return asked;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('a burst of typing asks once, for the last text, trimmed, after the pause', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('An', false);
  dialogSearch.schedule('Anna ', false);
  expect(dialogSearch.loading).toBe(true);
  await vi.advanceTimersByTimeAsync(DELAY_MS - 1);
  expect(asked).toHaveLength(0);
  await vi.advanceTimersByTimeAsync(1);
  expect(asked.map((item) => item.query)).toEqual([{ text: 'Anna', limit: 30 }]);
});

test('all portals are searched when asked', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('Anna', true);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  expect(asked[0]?.query).toEqual({ text: 'Anna', limit: 30, allAccounts: true });
});

test('the newest search wins: an older answer arriving later does not replace its hits', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('An', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  dialogSearch.schedule('Anna', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  const [older, newer] = asked;
  newer!.answer.resolve(ok([hit(2)]));
  await vi.advanceTimersByTimeAsync(0);
  older!.answer.resolve(ok([hit(1), hit(3)]));
  await vi.advanceTimersByTimeAsync(0);
  expect(dialogSearch.answered).toBe('Anna');
  expect(dialogSearch.hits.map((item) => item.chatId)).toEqual([2]);
  expect(dialogSearch.loading).toBe(false);
});

test('busy until the newest search answers, not an older one', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('An', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  dialogSearch.schedule('Anna', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  asked[0]!.answer.resolve(ok([hit(1)]));
  await vi.advanceTimersByTimeAsync(0);
  expect(dialogSearch.loading).toBe(true);
  asked[1]!.answer.resolve(ok([]));
  await vi.advanceTimersByTimeAsync(0);
  expect(dialogSearch.loading).toBe(false);
});

test('emptying the box clears at once, and a search still on its way is dropped', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('Anna', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  dialogSearch.schedule('  ', false);
  expect(dialogSearch.loading).toBe(false);
  asked[0]!.answer.resolve(ok([hit(1)]));
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  expect(dialogSearch.hits).toEqual([]);
  expect(dialogSearch.answered).toBe('');
  expect(asked).toHaveLength(1);
});

test('a failed search shows its error and no hits; the next one that succeeds clears it', async () => {
  const { dialogSearch } = await freshStores();
  const asked = searchBridge();
  dialogSearch.schedule('Anna', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  asked[0]!.answer.resolve(failed('STORE_BUSY'));
  await vi.advanceTimersByTimeAsync(0);
  expect(dialogSearch.error?.code).toBe('STORE_BUSY');
  expect(dialogSearch.hits).toEqual([]);
  expect(dialogSearch.answered).toBe('Anna');

  dialogSearch.schedule('Anna K', false);
  await vi.advanceTimersByTimeAsync(DELAY_MS);
  asked[1]!.answer.resolve(ok([hit(4)]));
  await vi.advanceTimersByTimeAsync(0);
  expect(dialogSearch.error).toBeNull();
  expect(dialogSearch.hits).toHaveLength(1);
});
