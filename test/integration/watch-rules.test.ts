// The watch's notification rules against the emulator over HTTPS, on a fake
// clock: each rule fires on its change and only on it, a dialog's own rules
// beat the list's, the wait fires once when its minutes pass with nothing
// changed — not again the next cycle, nor after a restart — against the
// line's target when the account can read it, and quiet mode holds them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchService, type WatchServiceDeps } from '../../main/api/watch-service';
import { conversationFrom } from '../../main/core/conversation';
import { listRules, type WatchRules } from '../../main/core/watch-rules';
import type { WatchFiredEvent, WatchStatus } from '../../main/core/watch-types';
import { DEMO_IDS, type Emulator } from '../../main/emulator/index';
import type { PortalClient } from '../../main/rest/portal-client';
import type { InspectorStore } from '../../main/store/index';
import { WatchNotices, type WatchNotice } from '../../main/watch/watch-notices';
import { countingClient, fakeClock, firstAnswered as answeredIn, watchAll as watchIn, watchFixture, WATCH_ACCOUNT } from '../support/watch-fixture';

const ACCOUNT = WATCH_ACCOUNT;
/** Chat 1777's current session: the client has waited since 20:46:38 +01:00, after an operator's answer. */
const WAITING_SINCE = '2026-03-16T19:46:38.000Z';
const OFF: WatchRules = listRules('off', 0);

const fixture = watchFixture('oli-watch-rules-');
let emulator: Emulator;
let client: PortalClient;
let store: InspectorStore;
const services = fixture.services;
beforeEach(() => ({ emulator, client, store } = fixture));

interface Watched {
  service: WatchService;
  fired: WatchFiredEvent[];
  /** The watch's time at which each event was handed on. */
  firedAt: number[];
  clock: { now: number };
  /** Requests sent so far (each cycle of one dialog is one). */
  sent: () => number;
  /** The fake time at which each request left. */
  sentAt: number[];
  statuses: WatchStatus[];
}

function watchWith(options: { list?: WatchRules; startAt?: string; clock?: ReturnType<typeof fakeClock>; onFired?: WatchServiceDeps['onFired'] } = {}): Watched {
  const time = options.clock ?? fakeClock(options.startAt ?? '2026-03-16T20:00:00.000Z');
  const fired: WatchFiredEvent[] = [];
  const firedAt: number[] = [];
  let sent = 0;
  const sentAt: number[] = [];
  const statuses: WatchStatus[] = [];
  const counted = countingClient(client, () => {
    sent += 1;
    sentAt.push(time.clock.now);
  });
  const service = new WatchService({
    store: async () => store,
    clientFor: async () => ({ client: counted, plan: 'standard' }),
    settings: () => ({ watchIntervalSeconds: 60, watchShareOfLimit: 25 }),
    userBusy: () => false,
    onChange: () => undefined,
    onStatus: (status) => statuses.push(status),
    listRules: () => options.list ?? OFF,
    onFired: (event) => {
      fired.push(event);
      firedAt.push(time.clock.now);
      options.onFired?.(event);
    },
    sleep: time.sleep,
    now: time.now,
  });
  services.push(service);
  return { service, fired, firedAt, clock: time.clock, sent: () => sent, sentAt, statuses };
}

const watchAll = (...chatIds: number[]) => watchIn(store, ...chatIds);
const firstAnswered = () => answeredIn(store);
/** Waits until the watch has sent `more` requests after now: that many refresh cycles of one dialog. */
async function cycles(watched: Watched, more: number): Promise<void> {
  const from = watched.sent();
  await vi.waitFor(() => expect(watched.sent()).toBeGreaterThanOrEqual(from + more), { timeout: 5_000 });
}

/** The dialog as the portal answers it now. */
async function portalDialog(chatId: number): Promise<Record<string, unknown>> {
  return (await client.call('imopenlines.dialog.get', { CHAT_ID: chatId })).result as Record<string, unknown>;
}

/** Keeps chat 1777's current transcript, as a lookup of it does. */
async function keepTranscript(): Promise<void> {
  const { result } = await client.call('imopenlines.session.history.get', { SESSION_ID: 343 });
  store.putConversation(ACCOUNT, conversationFrom(result, { chatId: 1777, sessionId: 343, current: true }, null, '2026-03-16T19:55:00.000Z'));
}

describe('the change rules', () => {
  it('fire each on its own change and on no other, once, the event kept in the store', async () => {
    watchAll(1777);
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, operatorChanged: true, newSession: true });
    const watched = watchWith();
    await watched.service.start();
    await firstAnswered();
    emulator.updateDialog(1777, { name: 'VIP', entity_data_3: 'Y' });
    await cycles(watched, 2);
    expect(watched.fired).toEqual([]);
    emulator.updateDialog(1777, { owner: 31 });
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1));
    expect(watched.fired[0]).toMatchObject({ account: ACCOUNT, chatId: 1777, fired: [{ rule: 'operatorChanged', text: expect.stringContaining('Responsible operator changed') }] });
    const session = String(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })!.dialog['entity_data_1']).split('|');
    session[5] = '9001';
    emulator.updateDialog(1777, { entity_data_1: session.join('|') }, { newSessionId: 9001 });
    await vi.waitFor(() => expect(watched.fired).toHaveLength(2));
    expect(watched.fired[1]!.fired).toEqual([expect.objectContaining({ rule: 'newSession', key: 'session:9001' })]);
    await cycles(watched, 2);
    expect(watched.fired).toHaveLength(2);
    expect(store.firedWatchEvents(ACCOUNT, 1777)).toEqual([watched.fired[0]!.fired[0]!.key, 'session:9001']);
  });

  it('follow the dialog\'s own rules over the list\'s, and the list\'s for a dialog without its own', async () => {
    watchAll(1777, DEMO_IDS.cyrillicChatId);
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, closed: true });
    const watched = watchWith({ list: listRules('all', 0) });
    await watched.service.start();
    await firstAnswered();
    emulator.updateDialog(1777, { name: 'VIP' });
    emulator.updateDialog(DEMO_IDS.cyrillicChatId, { name: 'VIP too' });
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1));
    await cycles(watched, 4);
    expect(watched.fired.map((event) => [event.chatId, event.fired.map((one) => one.rule)])).toEqual([[DEMO_IDS.cyrillicChatId, ['anyChange']]]);
    expect((await watched.service.list(ACCOUNT, null)).map((row) => [row.chatId, row.rules.own, row.rules.rules.anyChange])).toEqual([
      [1777, true, false],
      [DEMO_IDS.cyrillicChatId, false, true],
    ]);
  });
});

describe('the wait rule', () => {
  it('fires once when the minutes pass with nothing changed, not the next cycle, nor after a restart', async () => {
    watchAll(1777);
    await keepTranscript();
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 15 });
    // 19:55 UTC: the client has waited 8 minutes 22 seconds.
    const time = fakeClock('2026-03-16T19:55:00.000Z');
    const watched = watchWith({ clock: time });
    await watched.service.start();
    await firstAnswered();
    const before = store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })!.fetchedAt;
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1), { timeout: 5_000 });
    // It fired on the first cycle past 20:01:38 (a cycle a minute), not at 19:55, and the answer never
    // changed in between (no copy kept since the first).
    expect(watched.firedAt[0]).toBeGreaterThan(Date.parse('2026-03-16T20:01:38.000Z'));
    expect(watched.firedAt[0]).toBeLessThanOrEqual(Date.parse('2026-03-16T20:02:38.000Z'));
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })!.fetchedAt).toBe(before);
    expect(watched.fired[0]!.fired).toEqual([{ rule: 'waitedLonger', key: `waited:343@${WAITING_SINCE}`, text: expect.stringMatching(/^The client has waited 1[56] minutes, longer than 15 minutes$/) }]);
    await cycles(watched, 3);
    expect(watched.fired).toHaveLength(1);

    // A restart: the store reopened, a new watch on the same clock.
    await watched.service.dispose();
    store = fixture.reopenStore();
    const again = watchWith({ clock: time });
    await again.service.start();
    await cycles(again, 3);
    expect(again.fired).toEqual([]);
  });

  it('measures against the line\'s target when the account can read the lines, read once for the cycles after', async () => {
    watchAll(1777);
    await keepTranscript();
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 'kpi' });
    const from = emulator.requests.length;
    const watched = watchWith();
    await watched.service.start();
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1));
    // Line 22's further-answer target is 5 minutes: the operator answered once already.
    expect(watched.fired[0]!.fired[0]!.text).toMatch(/^The client has waited 1\d minutes, longer than the line's answer-time target \(5 min\)$/);
    await cycles(watched, 3);
    expect(emulator.requests.slice(from).filter((request) => request.method === 'imopenlines.config.list.get')).toHaveLength(1);
    expect((await watched.service.list(ACCOUNT, null))[0]!.rules).toMatchObject({ own: true, kpiNote: null });
  });

  it('says why it cannot measure against the line\'s target when the lines cannot be read, and fires nothing', async () => {
    watchAll(1777);
    await keepTranscript();
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 'kpi' });
    emulator.injectFault({ kind: 'error', code: 'ACCESS_DENIED', status: 403, description: 'Access denied' }, { method: 'imopenlines.config.list.get', times: 5 });
    const watched = watchWith();
    await watched.service.start();
    await firstAnswered();
    await cycles(watched, 3);
    expect(watched.fired).toEqual([]);
    const [row] = await watched.service.list(ACCOUNT, null);
    expect(row!.rules.kpiNote).toMatch(/^The line's answer-time target cannot be read, so the wait is not measured against it: .+/);
  });
});

describe('the wait rule\'s own reads', () => {
  /** The session.history.get commands the watch sent since `from`, by session id. */
  const historyAsked = (from: number) =>
    emulator.requests
      .slice(from)
      .filter((request) => request.method === 'batch')
      .flatMap((request) => Object.values(request.params['cmd'] as Record<string, string>))
      .filter((command) => command.startsWith('imopenlines.session.history.get'));

  it('reads the current session\'s transcript itself when none is kept, keeps it, and reads it again only after a new message', async () => {
    watchAll(1777);
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 15 });
    const from = emulator.requests.length;
    const watched = watchWith({ startAt: '2026-03-16T19:55:00.000Z' });
    await watched.service.start();
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1), { timeout: 5_000 });
    expect(watched.fired[0]!.fired[0]!.key).toBe(`waited:343@${WAITING_SINCE}`);
    expect(store.findConversation(ACCOUNT, 1777, 343)?.status).toBe('clientWaiting');
    await cycles(watched, 3);
    expect(historyAsked(from)).toHaveLength(1);
  });

  it('asks for a transcript the account may not read once per message, and the wait fires nothing', async () => {
    watchAll(1777);
    // The current session becomes one whose history is not the demo user's to read.
    const before = await portalDialog(1777);
    const session = String(before['entity_data_1']).split('|');
    session[5] = '5150';
    emulator.updateDialog(1777, { entity_data_1: session.join('|') });
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 1 });
    const from = emulator.requests.length;
    const watched = watchWith();
    await watched.service.start();
    await firstAnswered();
    await cycles(watched, 4);
    expect(historyAsked(from)).toEqual([expect.stringContaining('SESSION_ID=5150')]);
    expect(watched.fired).toEqual([]);
    // A new message: asked again.
    emulator.updateDialog(1777, { last_message_id: Number(before['last_message_id']) + 1, message_count: Number(before['message_count']) + 1 });
    await vi.waitFor(() => expect(historyAsked(from)).toHaveLength(2), { timeout: 5_000 });
  });
});

describe('the status of a watch with a wait rule', () => {
  /** The requests the emulator saw since `from` other than the dialogs' own: the wait rule's reads. */
  const readsSince = (from: number) =>
    emulator.requests.slice(from).filter((request) => request.method !== 'batch' || !JSON.stringify(request.params['cmd']).includes('imopenlines.dialog.get'));

  it('counts the transcript and the lines it read in the round, and its time, the share still what every gap allows', async () => {
    watchAll(1777);
    // No transcript kept: the wait is told by reading it, then measured against the line's target, read too.
    store.setWatchRules(ACCOUNT, 1777, { ...OFF, waitedLonger: 'kpi' });
    const from = emulator.requests.length;
    const watched = watchWith();
    await watched.service.start();
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1), { timeout: 5_000 });
    await cycles(watched, 2);
    expect(readsSince(from).map((request) => request.method)).toEqual(['batch', 'imopenlines.config.list.get']);
    // 1 dialog every 60 s at 25 % of 2 a second: a gap of 60 s; the round with both reads takes three.
    const counted = watched.statuses.find((status) => status.followUpRequests === 2);
    expect(counted).toMatchObject({ requestsPerCycle: 1, followUpRequests: 2, cycleSeconds: 180 });
    expect(Math.max(...watched.statuses.map((status) => status.followUpRequests))).toBe(2);
    // The share claimed is at least what was sent: no two requests, dialogs' or reads', closer than its rate allows.
    const gaps = watched.sentAt.slice(1).map((at, index) => at - watched.sentAt[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / counted!.requestsPerSecond);
    expect(counted!.shareUsed).toBeCloseTo(((1 / 60) / 2) * 100, 5);
    // The reads are not asked again (the transcript kept, the lines known): the next round counts none.
    expect(watched.statuses.at(-1)).toMatchObject({ followUpRequests: 0, cycleSeconds: 60 });
  });

  it('counts no reads without a wait rule, and none is sent', async () => {
    watchAll(1777);
    const from = emulator.requests.length;
    const watched = watchWith({ list: listRules('all', 0) });
    await watched.service.start();
    await firstAnswered();
    await cycles(watched, 3);
    expect(readsSince(from)).toEqual([]);
    expect(watched.statuses.length).toBeGreaterThanOrEqual(3);
    expect(watched.statuses.every((status) => status.followUpRequests === 0 && status.cycleSeconds === 60)).toBe(true);
  });
});

describe('quiet mode', () => {
  it('holds what fired and says it once when it ends', async () => {
    const shown: WatchNotice[] = [];
    let quiet = true;
    const notices = new WatchNotices({ show: (notice) => shown.push(notice), settings: () => ({ watchQuiet: quiet }), nameOf: async () => null });
    watchAll(1777);
    const watched = watchWith({ list: listRules('important', 0), onFired: (event) => void notices.fired(event) });
    await watched.service.start();
    await firstAnswered();
    emulator.updateDialog(1777, { owner: 31 });
    await vi.waitFor(() => expect(watched.fired).toHaveLength(1));
    expect(shown).toEqual([]);
    quiet = false;
    notices.settingsChanged();
    expect(shown).toEqual([expect.objectContaining({ title: 'While quiet mode was on', body: '1 change in 1 watched dialog. Open the watch list to see them.' })]);
    emulator.updateDialog(1777, { owner: 27 });
    await vi.waitFor(() => expect(shown).toHaveLength(2));
    expect(shown[1]).toMatchObject({ title: expect.stringContaining('Changed:'), chatId: 1777 });
  });
});
