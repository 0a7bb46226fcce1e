// The overview refreshing itself against the emulator over HTTPS, on a fake
// clock (its waits pass at once, its time is counted): every N minutes once
// asked for by hand, its requests spaced by the user's share of the rate and
// the next refresh held back when one costs more than the share carries, off
// at 0 minutes, after the user's lookups, on through a refresh that failed
// (the last one standing), and stopped by Stop without losing its schedule;
// a refresh by hand that misses the portal shows the last one that reached it,
// kept in the store per account, the newest only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LineCache } from '../../main/api/line-cache';
import { OverviewRefresh } from '../../main/api/overview-refresh';
import { OverviewRefresher, overviewPace, type OverviewRefresherDeps } from '../../main/api/overview-refresher';
import type { OverviewRefreshed, OverviewResult, OverviewSchedule } from '../../main/core/overview-types';
import { parseWebhookUrl } from '../../main/core/webhook';
import { demoDataset, demoLiveDialogs, startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore } from '../../main/store/index';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const LIVE_NOW = 1796644800;

let emulator: Emulator;
let client: PortalClient;
let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;
const refreshers: OverviewRefresher[] = [];

async function startWith(liveChats?: number): Promise<void> {
  emulator = await startEmulator({ rateLimit: false, liveNow: LIVE_NOW, ...(liveChats ? { dialogs: [...demoDataset(), ...demoLiveDialogs(LIVE_NOW, liveChats)] } : {}) });
  client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, retry: false, rateLimit: false });
}

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-overview-refresher-'));
  store = InspectorStore.open(dir);
});
afterEach(async () => {
  await Promise.all(refreshers.splice(0).map((refresher) => refresher.dispose()));
  client?.close();
  await emulator?.close();
  store.close();
  await remove();
});

interface Scheduled {
  refresher: OverviewRefresher;
  refresh: OverviewRefresh;
  schedules: OverviewSchedule[];
  refreshed: Array<OverviewRefreshed & { at: number }>;
  /** The fake time at which each request left. */
  sentAt: number[];
  clock: { now: number };
  settings: { overviewRefreshMinutes: number; overviewShareOfLimit: number };
}

/** `connectMs`: how long asking for the connected account takes, in the fake clock's time. */
function scheduled(options: Partial<Pick<OverviewRefresherDeps, 'userBusy'>> & { minutes?: number; share?: number; connectMs?: number } = {}): Scheduled {
  const clock = { now: Date.parse('2026-12-07T10:00:00.000Z') };
  const settings = { overviewRefreshMinutes: options.minutes ?? 5, overviewShareOfLimit: options.share ?? 20 };
  const sentAt: number[] = [];
  // The client as the overview sees it, noting when each request leaves.
  const counted: PortalClient = {
    portal: client.portal,
    budget: (method) => client.budget(method),
    close: () => client.close(),
    call: (method, params, callOptions) => {
      sentAt.push(clock.now);
      return client.call(method, params, callOptions);
    },
  };
  const refresh = new OverviewRefresh({ client: async () => counted, store: async () => store, lines: new LineCache() });
  const schedules: OverviewSchedule[] = [];
  const refreshed: Scheduled['refreshed'] = [];
  const refresher = new OverviewRefresher({
    refresh,
    settings: () => settings,
    connected: async () => {
      clock.now += options.connectMs ?? 0;
      return { account: ACCOUNT, plan: 'standard' };
    },
    userBusy: options.userBusy ?? (() => false),
    onSchedule: (schedule) => schedules.push(schedule),
    onRefreshed: (event) => refreshed.push({ ...event, at: clock.now }),
    sleep: async (ms) => {
      clock.now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    now: () => clock.now,
  });
  refreshers.push(refresher);
  return { refresher, refresh, schedules, refreshed, sentAt, clock, settings };
}

/** The fake times at which each refresh's first request left, given how many requests one takes. */
const starts = (sentAt: number[], perRefresh: number) => sentAt.filter((_, at) => at % perRefresh === 0);

describe('the overview on schedule', () => {
  it('refreshes every N minutes once opened, pushing each new overview and saying the next time and the budget', async () => {
    await startWith();
    const { refresher, refreshed, schedules, sentAt, clock } = scheduled({ minutes: 5, share: 20 });
    const opened = clock.now;
    const first = await refresher.byHand({});
    const perRefresh = sentAt.length;
    expect(first.rows.length).toBeGreaterThan(100);
    expect(perRefresh).toBeGreaterThan(0);
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    await refresher.dispose();
    // Each 5 minutes after the one before, the first after the one by hand.
    expect(refreshed[0]!.at - opened).toBeGreaterThanOrEqual(5 * 60_000);
    const began = starts(sentAt, perRefresh);
    expect(began[1]! - began[0]!).toBe(5 * 60_000);
    expect(began[2]! - began[1]!).toBe(5 * 60_000);
    expect(refreshed[0]).toMatchObject({ account: ACCOUNT, result: { rows: expect.any(Array) } });
    expect(refreshed[0]!.result.rows.length).toBe(first.rows.length);
    // Said: waiting for the next, at the interval; the requests counted; their share of 2 a second over 5 minutes.
    const waiting = schedules.filter((schedule) => schedule.state === 'waiting' && schedule.nextAt !== null).at(-1)!;
    expect(waiting).toMatchObject({ account: ACCOUNT, everyMinutes: 5, requests: perRefresh, shareAllowed: 20, waitsLonger: false, error: null });
    expect(waiting.shareUsed).toBeCloseTo((perRefresh / (300 * 2)) * 100, 5);
    expect(schedules.some((schedule) => schedule.state === 'refreshing' && schedule.requests > 0)).toBe(true);
  });

  it('spaces its requests by the share, and waits longer when one refresh costs more than the share carries in N minutes', async () => {
    // 1,300 live chats: a refresh of dozens of requests; 5 % of 2 a second is one every 10 s, 6 a minute.
    await startWith(1_000);
    const { refresher, refreshed, schedules, sentAt } = scheduled({ minutes: 1, share: 5 });
    await refresher.byHand({});
    const perRefresh = sentAt.length;
    expect(perRefresh).toBeGreaterThan(6);
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(2), { timeout: 30_000 });
    await refresher.dispose();
    const onSchedule = sentAt.slice(perRefresh, perRefresh * 3);
    const gaps = onSchedule.slice(1).map((at, index) => at - onSchedule[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10_000);
    // The next refresh starts no sooner than its requests at the share's pace: longer than the minute asked.
    const began = starts(sentAt, perRefresh);
    expect(began[2]! - began[1]!).toBeGreaterThanOrEqual(perRefresh * 10_000);
    expect(began[1]! - began[0]!).toBeGreaterThanOrEqual(perRefresh * 10_000);
    const last = schedules.filter((schedule) => schedule.state === 'waiting').at(-1)!;
    expect(last).toMatchObject({ everyMinutes: 1, requests: perRefresh, shareUsed: 5, shareAllowed: 5, waitsLonger: true });
    // Said beforehand: the next at the share's pace of this many requests.
    expect(Date.parse(last.nextAt!) - began.at(-2)!).toBe(overviewPace(perRefresh, 1, 5, 'standard').cycleMs);
  });

  it('stops when set to 0 minutes, and starts again when set back', async () => {
    await startWith();
    const { refresher, refreshed, schedules, sentAt, settings } = scheduled({ minutes: 5 });
    await refresher.byHand({});
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
    settings.overviewRefreshMinutes = 0;
    refresher.settingsChanged();
    await vi.waitFor(() => expect(schedules.at(-1)).toMatchObject({ state: 'off', everyMinutes: 0, nextAt: null }));
    const sent = sentAt.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sentAt.length).toBe(sent);
    expect(refresher.schedule().state).toBe('off');
    settings.overviewRefreshMinutes = 1;
    refresher.settingsChanged();
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThan(sent), { timeout: 20_000 });
  });

  it("lets the user's lookups go first: nothing is sent on schedule while one is in flight", async () => {
    await startWith();
    let busy = false;
    const { refresher, refreshed, sentAt } = scheduled({ minutes: 1, userBusy: () => busy });
    await refresher.byHand({});
    const byHand = sentAt.length;
    busy = true;
    // Many polls of the gate pass, each a wait of the fake clock, far past the minute.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sentAt.length).toBe(byHand);
    expect(refreshed).toEqual([]);
    busy = false;
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
  });

  it('survives a refresh that did not reach the portal: the last one stands, the schedule says why and goes on', async () => {
    await startWith();
    const { refresher, refresh, refreshed, schedules, sentAt } = scheduled({ minutes: 1 });
    const first = await refresher.byHand({});
    const perRefresh = sentAt.length;
    emulator.injectFault({ kind: 'reset' }, { times: 1 });
    await vi.waitFor(() => expect(schedules.some((schedule) => schedule.state === 'offline')).toBe(true), { timeout: 20_000 });
    const offline = schedules.find((schedule) => schedule.state === 'offline')!;
    expect(offline.error?.code).toBeTruthy();
    expect(offline.lastRefreshAt).toBe(first.fetchedAt);
    // The kept copies it read instead were not pushed, nor saved in place of the last refresh.
    expect(refreshed).toEqual([]);
    expect(refresh.last()).toBe(first);
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
    expect(sentAt.length).toBeGreaterThan(perRefresh + 1);
    expect(schedules.at(-1)).toMatchObject({ error: null });
    expect(refresh.last()).toBe(refreshed[0]!.result);
  });

  it('is stopped by Stop, and the next one keeps its time', async () => {
    await startWith(1_000);
    const { refresher, refreshed, schedules, sentAt, clock } = scheduled({ minutes: 1, share: 5 });
    await refresher.byHand({});
    const perRefresh = sentAt.length;
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(perRefresh + 2), { timeout: 20_000 });
    const stoppedAt = clock.now;
    const told = schedules.length;
    const sent = sentAt.length;
    expect(refresher.cancel()).toEqual({ cancelled: true });
    // The fake clock lets the wait pass at once: what was said after the stop, and when the next request left.
    await vi.waitFor(() => expect(schedules.slice(told).some((schedule) => schedule.state === 'waiting')).toBe(true));
    const waiting = schedules.slice(told).find((schedule) => schedule.state === 'waiting')!;
    // A whole interval after the stop, however long the stopped one took.
    expect(Date.parse(waiting.nextAt!)).toBeGreaterThanOrEqual(stoppedAt + 60_000);
    expect(refreshed).toEqual([]);
    await vi.waitFor(() => expect(refreshed.length).toBeGreaterThanOrEqual(1), { timeout: 30_000 });
    expect(sentAt[sent]!).toBeGreaterThanOrEqual(stoppedAt + 60_000);
    expect(refreshed[0]!.at).toBeGreaterThan(stoppedAt + 60_000);
  });

  it('a refresh by hand stops the one on schedule, is counted, and times the next', async () => {
    await startWith(1_000);
    // Time passes between the refresh by hand's start and its stopping the one on schedule.
    const { refresher, refreshed, schedules, sentAt, clock } = scheduled({ minutes: 1, share: 5, connectMs: 1_000 });
    await refresher.byHand({});
    const perRefresh = sentAt.length;
    await vi.waitFor(() => expect(sentAt.length).toBeGreaterThanOrEqual(perRefresh + 2), { timeout: 20_000 });
    const handAt = clock.now;
    const result = await refresher.byHand({});
    const told = schedules.length;
    expect(result.rows.length).toBeGreaterThan(100);
    // The one on schedule was stopped, not pushed; the one by hand's requests are the budget said, and the next is paced from it.
    expect(refreshed).toEqual([]);
    await vi.waitFor(() => expect(schedules.slice(told).some((schedule) => schedule.state === 'waiting')).toBe(true));
    const waiting = schedules.slice(told).find((schedule) => schedule.state === 'waiting')!;
    expect(waiting.requests).toBe(perRefresh);
    expect(Date.parse(waiting.nextAt!)).toBe(handAt + overviewPace(perRefresh, 1, 5, 'standard').cycleMs);
  });
});

describe('a refresh by hand that cannot reach the portal', () => {
  it('shows the last refresh that reached it, with its own stamp and why the newer one failed; kept copies alone are never asked for', async () => {
    await startWith();
    const { refresher } = scheduled({ minutes: 0 });
    const first = await refresher.byHand({});
    emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
    const shown = await refresher.byHand({});
    expect(shown.rows).toEqual(first.rows);
    expect(shown.fetchedAt).toBe(first.fetchedAt);
    expect(shown.notReached?.error?.code).toBeTruthy();
    expect(Date.parse(shown.notReached!.at)).toBeGreaterThanOrEqual(Date.parse(first.fetchedAt));
    // Asked for the kept copies, the kept copies are what comes.
    const kept = await refresher.byHand({ sources: ['kept'] });
    expect(kept.notReached).toBeUndefined();
    expect(kept.sources.filter((source) => source.source !== 'kept').map((source) => source.state)).toEqual(['notAsked', 'notAsked']);
    emulator.clearFaults();
    // Reached again: the new refresh, nothing said of the old.
    const again = await refresher.byHand({});
    expect(again.notReached).toBeUndefined();
    expect(Date.parse(again.fetchedAt)).toBeGreaterThanOrEqual(Date.parse(first.fetchedAt));
  });

  it('after a restart, shows the last refresh the store kept; before any refresh reached it, the kept copies said as such', async () => {
    await startWith();
    emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
    const before = await scheduled({ minutes: 0 }).refresher.byHand({});
    expect(before.notReached).toBeUndefined();
    expect(before.sources.filter((source) => source.source !== 'kept').every((source) => source.state === 'failed')).toBe(true);
    emulator.clearFaults();
    const reached = await scheduled({ minutes: 0 }).refresher.byHand({});

    // A new run of the app (a new refresh, the same store): the portal gone again.
    store.close();
    store = InspectorStore.open(dir);
    emulator.injectFault({ kind: 'reset' }, { times: 1_000 });
    const shown = await scheduled({ minutes: 0 }).refresher.byHand({});
    expect(shown.fetchedAt).toBe(reached.fetchedAt);
    expect(shown.rows.map((row) => row.chatId)).toEqual(reached.rows.map((row) => row.chatId));
    expect(shown.notReached?.error).not.toBeNull();
  });
});

describe('the last refresh kept in the store', () => {
  function refreshed(fetchedAt: string, chatIds: number[]): OverviewResult {
    return {
      rows: chatIds.map((chatId) => ({ chatId, name: `Клиент ${chatId}` })) as unknown as OverviewResult['rows'],
      sources: [{ source: 'recent', state: 'used', rows: chatIds.length }] as unknown as OverviewResult['sources'],
      fetchedAt,
      truncated: false,
    };
  }

  it('is the newest per account, whole, across a reopening; an older one (a slow refresh ending late) never replaces it', () => {
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
});
