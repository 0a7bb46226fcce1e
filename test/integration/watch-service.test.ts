// The app's background watch against the emulator over HTTPS, on a fake clock
// (its waits pass at once, its time is counted): changes pushed with their
// words, the pace kept under the user's share of the rate limit, the user's
// lookups first, trouble gone through, a restart that reports nothing twice,
// and a removed account's watch stopped.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchService, type WatchClient, type WatchServiceDeps } from '../../main/api/watch-service';
import type { WatchChangeEvent, WatchStatus } from '../../main/core/watch-types';
import { DEMO_IDS, type Emulator } from '../../main/emulator/index';
import type { InspectorStore } from '../../main/store/index';
import { countingClient, fakeClock, firstAnswered as answeredIn, watchAll as watchIn, watchFixture, WATCH_ACCOUNT } from '../support/watch-fixture';
import { TokenRefresher } from '../../main/oauth/token-refresher';
import { createOAuthClient, type PortalClient } from '../../main/rest/portal-client';
import { signIn } from './oauth-support';

const ACCOUNT = WATCH_ACCOUNT;

const fixture = watchFixture('oli-watch-service-');
let emulator: Emulator;
let client: PortalClient;
let store: InspectorStore;
const services = fixture.services;
beforeEach(() => ({ emulator, client, store } = fixture));

/** The watch's clock, from the morning of the demo's day. */
const startedClock = () => fakeClock('2026-03-16T10:00:00.000Z');

interface Watched {
  service: WatchService;
  changes: WatchChangeEvent[];
  statuses: WatchStatus[];
  /** The fake time at which each `batch` request left. */
  sentAt: number[];
}

function watchWith(options: Partial<WatchServiceDeps> & { settings?: WatchServiceDeps['settings']; client?: () => WatchClient | null } = {}): Watched {
  const time = startedClock();
  const changes: WatchChangeEvent[] = [];
  const statuses: WatchStatus[] = [];
  const sentAt: number[] = [];
  // The client as the watch sees it, noting when each request leaves.
  const counted = countingClient(client, () => sentAt.push(time.now()));
  const service = new WatchService({
    store: async () => store,
    clientFor: async () => (options.client ? options.client() : { client: counted, plan: 'standard' }),
    settings: options.settings ?? (() => ({ watchIntervalSeconds: 30, watchShareOfLimit: 25 })),
    userBusy: options.userBusy ?? (() => false),
    onChange: (event) => changes.push(event),
    onStatus: (status) => statuses.push(status),
    sleep: time.sleep,
    now: time.now,
  });
  services.push(service);
  return { service, changes, statuses, sentAt };
}

const firstAnswered = () => answeredIn(store);

const watchAll = (...chatIds: number[]) => watchIn(store, ...chatIds);

describe('the background watch', () => {
  it('pushes a change on the portal once, with its words, and notes it in the watch list', async () => {
    watchAll(1777, DEMO_IDS.cyrillicChatId);
    const { service, changes, sentAt } = watchWith();
    await service.start();
    await firstAnswered();
    emulator.updateDialog(1777, { name: 'VIP', entity_data_3: 'Y' });
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    const after = sentAt.length;
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(after + 3));
    expect(changes).toEqual([
      {
        account: ACCOUNT,
        chatId: 1777,
        at: expect.any(String),
        changes: [expect.objectContaining({ text: 'Silent mode on: operator messages are not sent to the client' }), expect.objectContaining({ text: 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”' })],
      },
    ]);
    const rows = store.watchList(ACCOUNT);
    expect(rows[0]).toMatchObject({ chatId: 1777, unseen: 2, changedAt: changes[0]!.at, lastError: null });
    expect(rows[0]!.lastChanges.map((change) => change.key)).toEqual(changes[0]!.changes.map((change) => change.key));
    expect(rows[1]).toMatchObject({ chatId: DEMO_IDS.cyrillicChatId, unseen: 0, changedAt: null, refreshedAt: expect.any(String) });
    // The timeline has the copy before and the changed one.
    expect(store.timeline(ACCOUNT, 1777).at(-1)?.changes?.changes.map((change) => change.text)).toContain('Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”');
  });

  it('never sends more requests a second than its share of the rate limit: 500 dialogs, 10 batch requests a cycle, stretched past the interval when the share cannot carry them', async () => {
    const chatIds = Array.from({ length: 500 }, (_, at) => 10_000 + at);
    watchAll(...chatIds);
    // 5 % of 2 requests a second: one every 10 s; the 30 s interval would want one every 3 s.
    const { service, sentAt, statuses } = watchWith({ settings: () => ({ watchIntervalSeconds: 30, watchShareOfLimit: 5 }) });
    const from = emulator.requests.length;
    await service.start();
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(25), { timeout: 20_000 });
    await service.dispose();
    const gaps = sentAt.slice(1).map((at, index) => at - sentAt[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10_000);
    // In any minute of the watch's time, at most 6 requests (0.1 a second).
    for (const start of sentAt) expect(sentAt.filter((at) => at >= start && at < start + 60_000).length).toBeLessThanOrEqual(6);
    // Each one a batch of 50: every dialog asked once a cycle.
    const sent = emulator.requests.slice(from);
    expect(sent.every((request) => request.method === 'batch')).toBe(true);
    expect(sent.slice(0, 10).flatMap((request) => Object.values(request.params['cmd'] as Record<string, string>)).length).toBe(500);
    expect(statuses.at(-1)).toMatchObject({ account: ACCOUNT, dialogs: 500, requestsPerCycle: 10, cycleSeconds: 100, requestsPerSecond: 0.1, allowedPerSecond: 0.1, shareUsed: 5, shareAllowed: 5 });
  });

  it('spreads a cycle over the interval when the share allows more: 500 dialogs every 5 minutes use 1.7 % of 2 requests a second', async () => {
    watchAll(...Array.from({ length: 500 }, (_, at) => 10_000 + at));
    const { service, sentAt, statuses } = watchWith({ settings: () => ({ watchIntervalSeconds: 300, watchShareOfLimit: 25 }) });
    await service.start();
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(12), { timeout: 20_000 });
    await service.dispose();
    expect(sentAt.slice(1).map((at, index) => at - sentAt[index]!).every((gap) => gap >= 30_000)).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ requestsPerCycle: 10, cycleSeconds: 300, allowedPerSecond: 0.5, shareAllowed: 25 });
    expect(statuses.at(-1)!.shareUsed).toBeCloseTo(1.667, 2);
  });

  it('lets the user\'s lookups go first: nothing is sent while one is in flight', async () => {
    watchAll(1777);
    let busy = true;
    const { service, sentAt } = watchWith({ userBusy: () => busy });
    await service.start();
    // Many polls of the gate pass (each one a wait of the fake clock).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentAt).toEqual([]);
    busy = false;
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(1));
  });

  it('sends nothing while paused (the computer asleep), says so, and goes on after resume', async () => {
    watchAll(1777);
    const { service, sentAt, statuses } = watchWith();
    await service.start();
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(1));
    service.pause();
    expect(statuses.at(-1)).toMatchObject({ state: 'paused', nextRefreshAt: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asleep = sentAt.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentAt.length).toBe(asleep);
    service.resume();
    expect(statuses.at(-1)).toMatchObject({ state: 'watching' });
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThan(asleep));
  });

  it('goes on through the portal out of reach and its errors, says it is offline, and still reports the change after', async () => {
    watchAll(1777);
    const { service, changes, statuses, sentAt } = watchWith();
    await service.start();
    await firstAnswered();
    emulator.injectFault({ kind: 'reset' }, { times: 2 });
    emulator.injectFault({ kind: 'error', code: 'INTERNAL_SERVER_ERROR', status: 500 });
    emulator.updateDialog(1777, { name: 'After the outage' });
    await vi.waitFor(() => expect(changes).toHaveLength(1), { timeout: 10_000 });
    const offline = statuses.filter((status) => status.state === 'offline');
    expect(offline.length).toBeGreaterThanOrEqual(1);
    expect(offline[0]!.error?.code).toBeTruthy();
    expect(statuses.at(-1)).toMatchObject({ state: 'watching', error: null });
    expect(changes[0]!.changes.map((change) => change.text)).toEqual(['Renamed: “Green Guest #17 - Bitrix24 Documentation” → “After the outage”']);
  });

  it('goes on through an OAuth token that expired: refreshed once, the change still reported, never offline', async () => {
    const account = await signIn();
    try {
      const refresher = new TokenRefresher({ tokens: account.tokens, client: account.client, save: async () => {} });
      const oauth = createOAuthClient({ origin: account.portal.origin, host: new URL(account.portal.origin).host }, refresher, { extraCertificates: [account.portal.certificate], timeoutMs: 5_000, rateLimit: false });
      watchAll(1777);
      const { service, changes, statuses } = watchWith({ client: () => ({ client: oauth, plan: 'standard' }) });
      await service.start();
      await firstAnswered();
      account.portal.oauth.expireAccessTokens();
      account.portal.updateDialog(1777, { name: 'VIP' });
      await vi.waitFor(() => expect(changes).toHaveLength(1));
      await service.dispose();
      oauth.close();
      expect(changes[0]!.changes.map((change) => change.text)).toEqual(['Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”']);
      expect(account.portal.oauth.tokenRequests.filter((request) => request.grantType === 'refresh_token')).toHaveLength(1);
      expect(statuses.filter((status) => status.state === 'offline')).toEqual([]);
    } finally {
      await account.portal.close();
    }
  });

  it('after a restart compares with what it saw before: an old change is not reported again, one made while closed is, once', async () => {
    watchAll(1777);
    const first = watchWith();
    await first.service.start();
    await firstAnswered();
    emulator.updateDialog(1777, { name: 'VIP' });
    await vi.waitFor(() => expect(first.changes).toHaveLength(1));
    await first.service.dispose();

    const second = watchWith();
    await second.service.start();
    await vi.waitFor(() => expect(second.sentAt.length).toBeGreaterThanOrEqual(3));
    expect(second.changes).toEqual([]);
    await second.service.dispose();

    emulator.updateDialog(1777, { owner: 31 });
    const third = watchWith();
    await third.service.start();
    await vi.waitFor(() => expect(third.sentAt.length).toBeGreaterThanOrEqual(3));
    expect(third.changes.map((event) => event.changes.map((change) => change.text))).toEqual([['Responsible operator changed: Samantha Johnson (27) → 31']]);
    expect(store.watchedDialog(ACCOUNT, 1777)?.unseen).toBe(2);
  });

  it('stops for an account that is removed: nothing more is sent, and it says why', async () => {
    watchAll(1777);
    let removed = false;
    const { service, statuses } = watchWith({ client: () => (removed ? null : { client, plan: 'standard' }) });
    await service.start();
    await firstAnswered();
    removed = true;
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('stopped'));
    const from = emulator.requests.length;
    expect(statuses.at(-1)).toMatchObject({ account: ACCOUNT, nextRefreshAt: null, error: expect.objectContaining({ code: 'NOT_CONNECTED', message: expect.stringContaining(ACCOUNT) }) });
    expect(service.status(ACCOUNT)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emulator.requests.length).toBe(from);
    // Its list stays: connected again, it is watched again.
    expect(store.watchList(ACCOUNT)).toHaveLength(1);
  });

  it('stops for an account whose last watched dialog is unwatched, and starts again when one is watched', async () => {
    watchAll(1777);
    const { service, statuses, sentAt } = watchWith();
    await service.start();
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(1));
    store.unwatch(ACCOUNT, 1777);
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('stopped'));
    expect(statuses.at(-1)).toMatchObject({ dialogs: 0, error: null });
    // Watched again: a new watch starts at once.
    const before = sentAt.length;
    watchAll(1777);
    service.ensure(ACCOUNT);
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThan(before));
    expect(service.status(ACCOUNT)).toMatchObject({ state: 'watching', dialogs: 1 });
  });
});
