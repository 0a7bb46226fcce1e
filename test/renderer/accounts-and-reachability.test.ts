// Two more stores on the request helper: the saved portals' list (the newest
// answer wins) and the check for a portal that answers again (stopping drops it).
import { afterEach, beforeEach, expect, it as test, vi } from 'vitest';
import type { AccountSummary, ReachabilityCheck, Result } from '../../preload/api-contract';
import { deferred, failed, fakeInspector, ok } from './support/fake-inspector';
import { freshStores, said } from './support/fresh-stores';

const account = (id: string): AccountSummary => ({ id, name: id, host: `${id}.bitrix24.com`, kind: 'webhook', current: false }) as AccountSummary;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('the saved portals: an older list arriving after a newer one is ignored', async () => {
  const { accounts } = await freshStores();
  const answers = [deferred<Result<AccountSummary[]>>(), deferred<Result<AccountSummary[]>>()];
  const queue = [...answers];
  fakeInspector({ listAccounts: () => queue.shift()!.promise });
  const older = accounts.load();
  const newer = accounts.load();
  answers[1]!.resolve(ok([account('b')]));
  await newer;
  answers[0]!.resolve(ok([account('a')]));
  await older;
  expect(accounts.list.map((item) => item.id)).toEqual(['b']);
});

test('the saved portals: a list that cannot be read is the load error; the list shown stays', async () => {
  const { accounts } = await freshStores();
  let fail = false;
  fakeInspector({ listAccounts: async () => (fail ? failed('ACCOUNT_SECRETS_UNREADABLE') : ok([account('a')])) });
  await accounts.load();
  fail = true;
  await accounts.load();
  expect(accounts.loadError?.code).toBe('ACCOUNT_SECRETS_UNREADABLE');
  expect(accounts.list).toHaveLength(1);
});

async function freshReachability() {
  const { announcer, messages } = await freshStores();
  const { reachability, FIRST_CHECK_MS } = await import('../../renderer/src/lib/reachability.svelte');
  return { reachability, FIRST_CHECK_MS, announcer, messages };
}

test('reachability: once the portal answers, it is said to be back', async () => {
  const { reachability, FIRST_CHECK_MS, announcer, messages } = await freshReachability();
  fakeInspector({ probeConnection: async () => ok({ reachable: true } as ReachabilityCheck) });
  reachability.watch();
  await vi.advanceTimersByTimeAsync(FIRST_CHECK_MS);
  expect(reachability.state).toBe('back');
  expect(await said(announcer)).toBe(messages.offline.portalBack);
});

test('reachability: an answer to a check made before stopping is dropped', async () => {
  const { reachability, FIRST_CHECK_MS } = await freshReachability();
  const probe = deferred<Result<ReachabilityCheck>>();
  fakeInspector({ probeConnection: () => probe.promise });
  reachability.watch();
  await vi.advanceTimersByTimeAsync(FIRST_CHECK_MS);
  reachability.stop();
  probe.resolve(ok({ reachable: true } as ReachabilityCheck));
  await vi.advanceTimersByTimeAsync(0);
  expect(reachability.state).toBe('idle');
});

test('reachability: the network coming back asks at once instead of waiting', async () => {
  const { reachability } = await freshReachability();
  const probe = vi.fn(async () => ok({ reachable: false } as ReachabilityCheck));
  fakeInspector({ probeConnection: probe });
  reachability.watch();
  window.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  expect(probe).toHaveBeenCalledTimes(1);
  expect(reachability.state).toBe('watching');
});
