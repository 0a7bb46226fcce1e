// Issue 13, the Watching view in the window: the header's unseen count from
// the rows and the changes main pushes (another account's ignored, none
// counted twice), watching and unwatching from the card or the palette with a
// clear error when main refuses, marking a dialog seen, and what the view says
// of a row (order, facts, last change, time to the next request).
import { describe, expect, it as test, vi } from 'vitest';
import type { InspectorApi, WatchChangeEvent, WatchedRow, WatchList, WatchStatus } from '../../preload/api-contract';
import en from '../../renderer/src/lib/messages/watch-en';
import ru from '../../renderer/src/lib/messages/watch-ru';
import { unseenTotal, withChange, withRow, withSeen, withoutRow } from '../../renderer/src/lib/watch-rows';
import { changeLines, orderRows, rowFacts, rowName, secondsUntil } from '../../renderer/src/lib/watch-view';
import { failed, fakeInspector, ok } from './support/fake-inspector';

const ACCOUNT = 'example.bitrix24.com';

function row(chatId: number, over: Partial<WatchedRow> = {}): WatchedRow {
  return {
    account: ACCOUNT,
    chatId,
    input: `chat${chatId}`,
    addedAt: '2026-12-07T09:00:00.000Z',
    refreshedAt: null,
    changedAt: null,
    lastChanges: [],
    lastError: null,
    unseen: 0,
    dialog: null,
    fetchedAt: null,
    ownRules: null,
    rules: { rules: { waitedLonger: null, newSession: true, clientWaiting: true, operatorChanged: true, closed: true, blocked: true, anyChange: false }, own: false, kpiNote: null },
    lastErrorTitle: null,
    ...over,
  };
}

function change(chatId: number, at: string, texts: string[], account = ACCOUNT): WatchChangeEvent {
  return { account, chatId, at, changes: texts.map((text, index) => ({ key: `key${index}`, kind: 'field' as const, before: 1, after: 2, text })) };
}

function status(over: Partial<WatchStatus> = {}): WatchStatus {
  return {
    account: ACCOUNT,
    state: 'watching',
    dialogs: 1,
    requestsPerCycle: 1,
    followUpRequests: 0,
    cycleSeconds: 300,
    requestsPerSecond: 1 / 300,
    allowedPerSecond: 0.5,
    shareUsed: 0.17,
    shareAllowed: 25,
    nextRefreshAt: null,
    error: null,
    ...over,
  };
}

describe('the rows the header counts', () => {
  test('a pushed change becomes the row’s last change and adds each change to its unseen count', () => {
    const rows = [row(1, { unseen: 1 }), row(2)];
    const next = withChange(rows, change(2, '2026-12-07T10:00:00.000Z', ['Renamed', 'Pinned']));
    expect(next[1]).toMatchObject({ unseen: 2, changedAt: '2026-12-07T10:00:00.000Z', refreshedAt: '2026-12-07T10:00:00.000Z', lastChanges: [{ text: 'Renamed' }, { text: 'Pinned' }] });
    expect(next[0]).toBe(rows[0]);
    expect(unseenTotal(next)).toBe(3);
  });

  test('a change the list already holds (read after main kept it) is not counted twice, nor an older one', () => {
    const rows = [row(1, { unseen: 1, changedAt: '2026-12-07T10:00:00.000Z' })];
    expect(unseenTotal(withChange(rows, change(1, '2026-12-07T10:00:00.000Z', ['Renamed'])))).toBe(1);
    expect(unseenTotal(withChange(rows, change(1, '2026-12-07T09:59:00.000Z', ['Renamed'])))).toBe(1);
    expect(unseenTotal(withChange(rows, change(1, '2026-12-07T10:01:00.000Z', ['Renamed'])))).toBe(2);
  });

  test('a change of a dialog not on the list changes nothing', () => {
    const rows = [row(1)];
    expect(withChange(rows, change(9, '2026-12-07T10:00:00.000Z', ['Renamed']))).toEqual(rows);
  });

  test('a row answered again replaces the old one; unwatched, it goes; seen, its count is 0', () => {
    const rows = [row(1), row(2, { unseen: 4 })];
    expect(withRow(rows, row(2, { unseen: 0, input: 'again' })).map((one) => one.input)).toEqual(['chat1', 'again']);
    expect(withRow(rows, row(3)).map((one) => one.chatId)).toEqual([1, 2, 3]);
    expect(withoutRow(rows, 1).map((one) => one.chatId)).toEqual([2]);
    expect(unseenTotal(withSeen(rows, 2))).toBe(0);
  });
});

describe('what the view says of a row', () => {
  test('the dialogs that changed last come first; one never changed counts from when it was watched', () => {
    const rows = [
      row(1, { changedAt: '2026-12-07T10:00:00.000Z' }),
      row(2, { addedAt: '2026-12-07T11:00:00.000Z' }),
      row(3, { changedAt: '2026-12-07T12:00:00.000Z' }),
      row(4, { changedAt: '2026-12-07T10:00:00.000Z' }),
    ];
    expect(orderRows(rows).map((one) => one.chatId)).toEqual([3, 2, 1, 4]);
  });

  test('the last change in a few lines, the rest counted', () => {
    expect(changeLines(change(1, 'x', ['a', 'b', 'c', 'd', 'e']).changes)).toEqual({ lines: ['a', 'b', 'c'], more: 2 });
    expect(changeLines([])).toEqual({ lines: [], more: 0 });
  });

  test('the facts of a kept copy: the line and operator by name, else by number', () => {
    const dialog = {
      chatId: 1777,
      dialogId: 'chat1777',
      name: 'Green Guest',
      channel: 'Live chat',
      lineId: 1,
      lineName: null,
      operatorId: '27',
      operatorName: null,
      clientUserId: 5,
      crm: 'Lead 1209',
      sessionId: 343,
      sessionStart: null,
      pinned: true,
      silent: false,
      blocked: true,
    };
    expect(rowFacts(dialog, en)).toEqual({ channel: 'Live chat', line: 'Line 1', operator: 'User 27' });
    expect(rowFacts({ ...dialog, lineName: 'Support', operatorName: 'Olga', operatorId: null }, ru)).toMatchObject({ line: 'Support', operator: 'Olga' });
    expect(rowFacts({ ...dialog, operatorId: null }, en).operator).toBe('No operator');
    expect(rowName(row(1777, { dialog }), en)).toBe('Green Guest');
    expect(rowName(row(1777), en)).toBe('chat1777');
  });

  test('the time to the next request in whole seconds, never below 0', () => {
    const now = Date.parse('2026-12-07T10:00:00.000Z');
    expect(secondsUntil('2026-12-07T10:00:41.200Z', now)).toBe(42);
    expect(secondsUntil('2026-12-07T09:59:00.000Z', now)).toBe(0);
    expect(secondsUntil(null, now)).toBeNull();
    expect(en.nextIn(42)).toBe('in 42\u00a0s');
    expect(en.nextIn(300)).toBe('in 5\u00a0min');
    expect(ru.nextIn(300)).toBe('через 5\u00a0мин');
  });

  // A number and its unit are joined by a no-break space: "every 5 / min" never splits over two lines.
  test('the budget and the round in words, in English and Russian', () => {
    expect(en.budgetValue(0.17, 25)).toBe('0.2 % of the portal’s request rate used, 25 % allowed');
    expect(ru.budgetValue(0.17, 25)).toBe('занято 0,2 % лимита запросов портала, разрешено 25 %');
    expect(en.cycleValue(1, 300, 1, 0)).toBe('1 dialog in 1 request, every 5\u00a0min');
    expect(ru.cycleValue(120, 5400, 3, 0)).toBe('120 диалогов за 3 запроса, каждые 1\u00a0ч 30\u00a0мин');
  });

  test('the round names the wait rule\'s own reads beside the dialogs\' requests, and only when there were some', () => {
    expect(en.cycleValue(500, 360, 10, 2)).toBe('500 dialogs in 10 requests, plus 2 to check clients’ waits, every 6\u00a0min');
    expect(ru.cycleValue(500, 360, 10, 2)).toBe('500 диалогов за 10 запросов и ещё 2 на ожидание клиентов, каждые 6\u00a0мин');
    expect(en.cycleReadsTitle(1)).toContain('1 request in the last round');
    expect(ru.cycleReadsTitle(2)).toContain('2 запроса за последний круг');
  });
});

describe('the watch list store', () => {
  /** A fresh store and its announcer, with a fake bridge whose events the test pushes. */
  async function fresh(answers: Partial<InspectorApi>) {
    vi.resetModules();
    const pushed: { change?: (event: WatchChangeEvent) => void; status?: (status: WatchStatus) => void } = {};
    const api = fakeInspector({
      onWatchChange: (listener) => ((pushed.change = listener), () => (pushed.change = undefined)),
      onWatchStatus: (listener) => ((pushed.status = listener), () => (pushed.status = undefined)),
      ...answers,
    });
    const [{ watchList }, actions, { announcer }] = await Promise.all([
      import('../../renderer/src/lib/watch-state.svelte'),
      import('../../renderer/src/lib/watch-actions'),
      import('../../renderer/src/lib/announcer.svelte'),
    ]);
    return { watchList, actions, announcer, api, pushed };
  }

  const listed = (rows: WatchedRow[], running: WatchStatus | null = null): WatchList => ({ account: ACCOUNT, rows, status: running });

  test('reads the connected account’s list, counts its unseen changes as they are pushed, and ignores another account’s', async () => {
    const listWatched = vi.fn(async () => ok(listed([row(1, { unseen: 2 }), row(2)], status())) as Awaited<ReturnType<InspectorApi['listWatched']>>);
    const { watchList, pushed } = await fresh({ listWatched });
    const stop = watchList.listen();
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.loaded).toBe(true));
    expect(listWatched).toHaveBeenCalledWith({ account: ACCOUNT });
    expect(watchList.unseen).toBe(2);
    expect(watchList.status?.state).toBe('watching');

    pushed.change!(change(2, '2026-12-07T10:00:00.000Z', ['Renamed']));
    expect(watchList.unseen).toBe(3);
    pushed.change!(change(2, '2026-12-07T10:05:00.000Z', ['Pinned'], 'other.bitrix24.com'));
    pushed.status!(status({ account: 'other.bitrix24.com', state: 'offline' }));
    expect(watchList.unseen).toBe(3);
    expect(watchList.status?.state).toBe('watching');
    pushed.status!(status({ state: 'paused' }));
    expect(watchList.status?.state).toBe('paused');

    // A change of a dialog the list does not hold yet (watched elsewhere): the list is read again.
    listWatched.mockResolvedValueOnce(ok(listed([row(1, { unseen: 2 }), row(2, { unseen: 1 }), row(3, { unseen: 1, changedAt: '2026-12-07T10:06:00.000Z' })])));
    pushed.change!(change(3, '2026-12-07T10:06:00.000Z', ['Pinned']));
    await vi.waitFor(() => expect(watchList.unseen).toBe(4));
    expect(listWatched).toHaveBeenCalledTimes(2);

    // Another portal connected: the old rows go, the new one's are read.
    watchList.follow(null);
    expect(watchList.rows).toEqual([]);
    expect(watchList.unseen).toBe(0);
    stop();
    expect(pushed.change).toBeUndefined();
  });

  test('watches and unwatches the connected account’s dialog, and says so', async () => {
    const watchDialog = vi.fn(async () => ok(row(1777)));
    const unwatchDialog = vi.fn(async () => ok({ removed: true }));
    const { watchList, actions, announcer } = await fresh({ listWatched: async () => ok(listed([])), watchDialog, unwatchDialog });
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.loaded).toBe(true));

    expect(await actions.toggleWatch(1777)).toBe(true);
    expect(watchDialog).toHaveBeenCalledWith({ chatId: 1777, account: ACCOUNT });
    expect(watchList.isWatched(1777)).toBe(true);
    await vi.waitFor(() => expect(announcer.message).toBe('Watching this dialog: its changes show under Watching.'));

    expect(await actions.toggleWatch(1777)).toBe(true);
    expect(unwatchDialog).toHaveBeenCalledWith({ chatId: 1777, account: ACCOUNT });
    expect(watchList.isWatched(1777)).toBe(false);
  });

  test('a refused watch says what went wrong, and the dialog stays unwatched', async () => {
    const { watchList, actions, announcer } = await fresh({ listWatched: async () => ok(listed([])), watchDialog: async () => failed('STORE_BUSY', 'The history is busy') });
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.loaded).toBe(true));
    expect(await actions.watch(1777)).toBe(false);
    expect(watchList.isWatched(1777)).toBe(false);
    expect(announcer.notice).toMatchObject({ tone: 'error', text: 'Could not watch this dialog: The history is busy. The history is busy, said the fake.' });
  });

  test('watching many dialogs asks one at a time, skips those already watched, and counts each refusal', async () => {
    let inFlight = 0;
    let most = 0;
    const watchDialog = vi.fn(async ({ chatId }: { chatId: number }) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return chatId === 3 ? failed('STORE_BUSY', 'The history is busy') : ok(row(chatId));
    });
    const { watchList, actions } = await fresh({ listWatched: async () => ok(listed([row(2)])), watchDialog });
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.loaded).toBe(true));
    const steps: number[] = [];
    const outcome = await actions.watchMany([1, 2, 3, 4], (done) => steps.push(done));
    expect(outcome).toMatchObject({ added: 2, already: 1, failed: 1, firstError: { title: 'The history is busy' } });
    expect(watchDialog.mock.calls.map(([request]) => request.chatId)).toEqual([1, 3, 4]);
    expect(most).toBe(1);
    expect(steps).toEqual([1, 2, 3, 4]);
    expect(watchList.rows.map((one) => one.chatId).sort()).toEqual([1, 2, 4]);
  });

  test('a dialog’s own rules are sent for it and its row takes what main answers; a refusal is handed back', async () => {
    const own = { waitedLonger: 15, newSession: true, clientWaiting: false, operatorChanged: false, closed: true, blocked: false, anyChange: false };
    const setWatchRules = vi.fn(async () => ok(row(7, { ownRules: own, rules: { rules: own, own: true, kpiNote: null } })));
    const { watchList, actions } = await fresh({ listWatched: async () => ok(listed([row(7)])), setWatchRules });
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.loaded).toBe(true));
    expect(await actions.setRules(7, own)).toBeNull();
    expect(setWatchRules).toHaveBeenCalledWith({ chatId: 7, account: ACCOUNT, rules: own });
    expect(watchList.rows[0]?.rules.own).toBe(true);
    setWatchRules.mockResolvedValueOnce(failed('INVALID_ARGUMENT', 'Not watched') as never);
    expect(await actions.setRules(7, null)).toMatchObject({ code: 'INVALID_ARGUMENT', title: 'Not watched' });
    expect(watchList.rows[0]?.rules.own).toBe(true);
  });

  test('marking a dialog seen sets its count to 0 at once; when main does not take it, the list is read again', async () => {
    const markWatchSeen = vi.fn(async () => ok({ marked: true }));
    const listWatched = vi.fn(async () => ok(listed([row(1, { unseen: 3 }), row(2, { unseen: 1 })])));
    const { watchList, actions } = await fresh({ listWatched, markWatchSeen });
    watchList.follow(ACCOUNT);
    await vi.waitFor(() => expect(watchList.unseen).toBe(4));
    await actions.markSeen(1);
    expect(markWatchSeen).toHaveBeenCalledWith({ chatId: 1, account: ACCOUNT });
    expect(watchList.unseen).toBe(1);
    // Nothing unseen: main is not asked.
    await actions.markSeen(1);
    expect(markWatchSeen).toHaveBeenCalledTimes(1);

    markWatchSeen.mockResolvedValueOnce(failed('STORE_BUSY') as never);
    await actions.markSeen(2);
    await vi.waitFor(() => expect(listWatched).toHaveBeenCalledTimes(2));
    // Read again: main still has it unseen.
    await vi.waitFor(() => expect(watchList.unseen).toBe(4));
  });

  test('only the connected account’s shown dialog can be watched from the card or the palette', async () => {
    const { watchList, actions } = await fresh({ listWatched: async () => ok(listed([])) });
    watchList.follow(ACCOUNT);
    const portal = { host: ACCOUNT, demo: false } as never;
    expect(actions.watchableChat({ dialog: { id: 1777 }, portal })).toBe(1777);
    expect(actions.watchableChat({ dialog: { id: 1777 }, portal: { host: 'other.bitrix24.com', demo: false } as never })).toBeNull();
    expect(actions.watchableChat({ dialog: { id: '1777' }, portal })).toBeNull();
    expect(actions.watchableChat(null)).toBeNull();
  });
});
