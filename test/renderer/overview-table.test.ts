// Issue "Many dialogs at once", the overview in the window: which rows a
// filter and a search keep, the order a column sorts them in (missing values
// last either way, ties steady), the figures above the table, and the view's
// data (a late answer from an older refresh dropped, a stopped one too).
import { afterEach, describe, expect, it as test, vi } from 'vitest';
import type { OverviewRefreshed, OverviewResult, OverviewRow, OverviewSchedule } from '../../preload/api-contract';
import {
  ANY,
  DEFAULT_SORT,
  NO_FILTER,
  NONE,
  filterRows,
  groupOptions,
  groupTable,
  nextSort,
  pastTargetMs,
  sortRows,
  summarize,
  topGroups,
  withKnownNames,
  type TableItem,
} from '../../renderer/src/lib/overview-table';
import en from '../../renderer/src/lib/messages/overview-en';
import ru from '../../renderer/src/lib/messages/overview-ru';
import { deferred, failed, fakeInspector, ok } from './support/fake-inspector';

function row(chatId: number, over: Partial<OverviewRow> = {}): OverviewRow {
  return {
    chatId,
    dialogId: `chat${chatId}`,
    name: `Guest ${chatId} - Support`,
    status: 'operatorAnswered',
    statusCode: 40,
    waitingSince: null,
    answerTargetSeconds: null,
    channel: 'livechat',
    channelName: 'Live chat',
    lineId: 1,
    lineName: 'Support',
    operatorId: 27,
    operatorName: 'Olga Petrova',
    clientUserId: chatId + 100,
    clientName: `Guest ${chatId}`,
    crm: null,
    sessionId: chatId + 5000,
    sessionStart: '2026-12-07T09:00:00Z',
    lastMessageAt: null,
    unread: 0,
    pinned: false,
    silent: false,
    blocked: false,
    sources: ['recent'],
    completed: true,
    ...over,
  };
}

const waiting = (chatId: number, since: string, over: Partial<OverviewRow> = {}) => row(chatId, { status: 'clientWaiting', statusCode: 20, waitingSince: since, ...over });

const rows: OverviewRow[] = [
  row(3001),
  waiting(3002, '2026-12-07T10:30:00Z', { channel: 'telegrambot', channelName: 'Telegram', operatorId: 0, operatorName: null, clientName: 'Ёлкина Анна' }),
  waiting(3003, '2026-12-07T08:15:00Z', { lineId: 2, lineName: 'Sales', unread: 4 }),
  row(3004, { status: 'closed', statusCode: 65, lineId: 2, lineName: 'Sales', unread: 9 }),
  row(3005, { status: null, statusCode: null, sources: ['kept'], completed: false, operatorId: 31, operatorName: 'Иван Орлов', crm: 'Lead 1209' }),
  waiting(3006, '2026-12-07T10:30:00Z', { lineId: 3, lineName: null }),
];

const ids = (list: readonly OverviewRow[]) => list.map((r) => r.chatId);

describe("a wait against its line's target", () => {
  const since = '2026-12-07T10:00:00Z';
  const at = (minutes: number) => Date.parse(since) + minutes * 60_000;
  test('is past it only once the target has gone by, by how much', () => {
    const row = waiting(1, since, { answerTargetSeconds: 180 });
    expect(pastTargetMs(row, at(2))).toBeNull();
    expect(pastTargetMs(row, at(3))).toBeNull();
    expect(pastTargetMs(row, at(10))).toBe(7 * 60_000);
  });

  test('is never past it without a target, or when nobody waits', () => {
    expect(pastTargetMs(waiting(1, since, { answerTargetSeconds: null }), at(600))).toBeNull();
    expect(pastTargetMs(row(2, { answerTargetSeconds: 180, waitingSince: since }), at(600))).toBeNull();
  });
});

describe('sorting the overview', () => {
  test('holds names equal as the locale does (case, accents) and breaks their tie by the longest wait', () => {
    const same = [
      waiting(1, '2026-12-07T10:00:00Z', { clientName: 'anna' }),
      waiting(2, '2026-12-07T09:00:00Z', { clientName: 'Anna' }),
      waiting(3, '2026-12-07T08:00:00Z', { clientName: 'Ánna' }),
      waiting(4, '2026-12-07T07:00:00Z', { clientName: 'Boris' }),
    ];
    expect(ids(sortRows(same, { key: 'client', direction: 'ascending' }, 'en'))).toEqual([3, 2, 1, 4]);
    expect(ids(sortRows(same, { key: 'client', direction: 'descending' }, 'en'))).toEqual([4, 3, 2, 1]);
  });

  test('starts with the longest wait on top, the rows nobody waits in after them', () => {
    expect(ids(sortRows(rows, DEFAULT_SORT, 'en'))).toEqual([3003, 3002, 3006, 3001, 3004, 3005]);
  });

  test('keeps rows without the value last in either direction', () => {
    const byCrm = { key: 'crm', direction: 'ascending' } as const;
    expect(ids(sortRows(rows, byCrm, 'en'))[0]).toBe(3005);
    expect(ids(sortRows(rows, { ...byCrm, direction: 'descending' }, 'en'))[0]).toBe(3005);
    const byWait = sortRows(rows, { key: 'waitingSince', direction: 'descending' }, 'en');
    expect(ids(byWait).slice(0, 3)).toEqual([3002, 3006, 3003]);
  });

  test('sorts names by the locale, and numbers as numbers', () => {
    expect(ids(sortRows(rows, { key: 'unread', direction: 'descending' }, 'en')).slice(0, 2)).toEqual([3004, 3003]);
    // Latin before Cyrillic as the locale has it, the row without an operator last; the same operator's rows by wait, then chat.
    expect(ids(sortRows(rows, { key: 'operator', direction: 'ascending' }, 'en'))).toEqual([3003, 3006, 3001, 3004, 3005, 3002]);
    expect(ids(sortRows(rows, { key: 'status', direction: 'ascending' }, 'en'))).toEqual([3003, 3002, 3006, 3001, 3004, 3005]);
  });

  test('sorts a column turned round, and other rows or another language, as it would afresh', () => {
    const named = [
      waiting(1, '2026-12-07T10:00:00Z', { clientName: 'Ölander' }),
      waiting(2, '2026-12-07T09:00:00Z', { clientName: 'Zorn' }),
      waiting(3, '2026-12-07T08:00:00Z', { clientName: 'Oberg' }),
    ];
    const byClient = { key: 'client', direction: 'ascending' } as const;
    expect(ids(sortRows(named, byClient, 'de'))).toEqual([3, 1, 2]);
    // The same rows again, turned round: the same order reversed, ties aside.
    expect(ids(sortRows(named, { ...byClient, direction: 'descending' }, 'de'))).toEqual([2, 1, 3]);
    // Swedish puts Ö after Z: the ranks made for German are not reused.
    expect(ids(sortRows(named, byClient, 'sv'))).toEqual([3, 2, 1]);
    // Other rows (a refresh renamed a client) are ranked again, not by the last rows' ranks.
    const renamed = [named[0]!, { ...named[1]!, clientName: 'Adler' }, named[2]!];
    expect(ids(sortRows(renamed, byClient, 'sv'))).toEqual([2, 3, 1]);
  });

  test('turns a column round when it is clicked again, and starts a new one in its natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'waitingSince')).toEqual({ key: 'waitingSince', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'client')).toEqual({ key: 'client', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'unread')).toEqual({ key: 'unread', direction: 'descending' });
  });

  test('sorts 10,000 rows without losing or repeating one', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? waiting(10_000 + i, new Date(Date.UTC(2026, 11, 7, 0, i % 600)).toISOString()) : row(10_000 + i, { operatorName: `Operator ${i % 40}` })));
    const sorted = sortRows(many, { key: 'operator', direction: 'descending' }, 'ru');
    expect(new Set(sorted.map((r) => r.chatId)).size).toBe(10_000);
    expect(sorted[0]!.operatorName).toBe('Operator 39');
  });
});

describe('filtering the overview', () => {
  test('keeps every row with no filter', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(rows.length);
  });

  test('filters by status, the rows no source said being "unknown"', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, status: 'clientWaiting' }))).toEqual([3002, 3003, 3006]);
    expect(ids(filterRows(rows, { ...NO_FILTER, status: 'unknown' }))).toEqual([3005]);
  });

  test('filters by channel, line and operator, rows without an operator being one group', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, channel: 'telegrambot' }))).toEqual([3002]);
    expect(ids(filterRows(rows, { ...NO_FILTER, line: '2' }))).toEqual([3003, 3004]);
    expect(ids(filterRows(rows, { ...NO_FILTER, operator: NONE }))).toEqual([3002]);
    expect(ids(filterRows(rows, { ...NO_FILTER, line: '2', status: 'closed' }))).toEqual([3004]);
  });

  test('searches the dialog, client and operator names as typed, case and ё ignored, every word', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, query: 'елкина' }))).toEqual([3002]);
    expect(ids(filterRows(rows, { ...NO_FILTER, query: 'ИВАН' }))).toEqual([3005]);
    expect(ids(filterRows(rows, { ...NO_FILTER, query: 'olga guest 3003' }))).toEqual([3003]);
    expect(ids(filterRows(rows, { ...NO_FILTER, query: 'chat3006' }))).toEqual([3006]);
    expect(filterRows(rows, { ...NO_FILTER, query: 'nobody' })).toEqual([]);
  });
});

describe('names one source left out', () => {
  test('are filled from another row of the same operator or line, other rows kept as they are', () => {
    const first = row(1);
    const named = withKnownNames([first, row(2, { operatorName: null, lineName: null }), row(3, { operatorId: 99, operatorName: null })]);
    expect(named[0]).toBe(first);
    expect(named[1]).toMatchObject({ operatorName: 'Olga Petrova', lineName: 'Support' });
    expect(named[2]!.operatorName).toBeNull();
    expect(summarize(named, 'en').byOperator.map((g) => g.name)).toEqual(['Olga Petrova', '#99']);
  });
});

describe('the figures above the table', () => {
  test('counts who waits, finds the longest wait, and the open sessions by group', () => {
    const summary = summarize(rows, 'en');
    expect(summary.total).toBe(6);
    expect(summary.waiting).toBe(3);
    expect(summary.longest?.chatId).toBe(3003);
    expect(summary.statusCounts).toEqual({ clientWaiting: 3, operatorAnswered: 1, closed: 1, unknown: 1 });
    // Open: waiting or answered; the closed and the unknown are not counted.
    expect(summary.open).toBe(4);
    expect(summary.byChannel).toEqual([
      { key: 'livechat', name: 'Live chat', count: 3 },
      { key: 'telegrambot', name: 'Telegram', count: 1 },
    ]);
    expect(summary.byLine).toEqual([
      { key: '1', name: 'Support', count: 2 },
      { key: '3', name: '#3', count: 1 },
      { key: '2', name: 'Sales', count: 1 },
    ]);
    expect(summary.byOperator.at(-1)).toEqual({ key: NONE, name: null, count: 1 });
  });

  test('says nobody waits when nobody does', () => {
    const summary = summarize([row(1), row(2, { status: 'closed' })], 'en');
    expect(summary.waiting).toBe(0);
    expect(summary.longest).toBeNull();
  });

  test('offers every group for the filters by name, and keeps a bar list short', () => {
    expect(groupOptions(rows, 'operator', 'en').map((g) => g.name)).toEqual(['Olga Petrova', 'Иван Орлов', null]);
    const groups = Array.from({ length: 8 }, (_, i) => ({ key: String(i), name: `G${i}`, count: 8 - i }));
    expect(topGroups(groups, 5)).toEqual({ shown: groups.slice(0, 5), others: 3 + 2 + 1, otherGroups: 3 });
  });
});

describe('the overview data in the window', () => {
  afterEach(() => vi.resetModules());

  const result = (rowsOf: OverviewRow[]): OverviewResult => ({
    rows: rowsOf,
    sources: [
      { source: 'recent', state: 'used', rows: rowsOf.length },
      { source: 'crm', state: 'needsScope', scope: 'crm' },
      { source: 'kept', state: 'used', rows: 0 },
    ],
    fetchedAt: '2026-12-07T11:00:00Z',
    truncated: false,
  });

  const schedule = (over: Partial<OverviewSchedule>): OverviewSchedule => ({
    account: 'example.bitrix24.com',
    state: 'waiting',
    everyMinutes: 5,
    nextAt: '2026-12-07T11:05:00Z',
    requests: 4,
    shareUsed: 0.7,
    shareAllowed: 20,
    waitsLonger: false,
    lastRefreshAt: '2026-12-07T11:00:00Z',
    error: null,
    ...over,
  });

  async function freshData() {
    vi.resetModules();
    return (await import('../../renderer/src/lib/overview-data.svelte')).overviewData;
  }

  test('shows the newest refresh, dropping an older one that answers late', async () => {
    const older = deferred<ReturnType<typeof ok<OverviewResult>>>();
    const answers = [older.promise, Promise.resolve(ok(result([row(1), row(2)])))];
    fakeInspector({ getOverview: () => answers.shift()! });
    const data = await freshData();
    const first = data.refresh();
    await data.refresh();
    older.resolve(ok(result([row(9)])));
    await first;
    expect(data.result?.rows.map((r) => r.chatId)).toEqual([1, 2]);
    expect(data.busy).toBe(false);
  });

  test('keeps the rows shown when a refresh fails, and says why; a cancelled one says nothing', async () => {
    const answers = [Promise.resolve(ok(result([row(1)]))), Promise.resolve(failed('PORTAL_UNREACHABLE', 'Portal not reached')), Promise.resolve(failed('CANCELLED'))];
    fakeInspector({ getOverview: () => answers.shift()! });
    const data = await freshData();
    await data.refresh();
    await data.refresh();
    expect(data.error?.title).toBe('Portal not reached');
    expect(data.result?.rows).toHaveLength(1);
    data.error = null;
    await data.refresh();
    expect(data.error).toBeNull();
  });

  test('stops a refresh by asking main to cancel it, and drops the stopped answer', async () => {
    const slow = deferred<ReturnType<typeof ok<OverviewResult>>>();
    let cancelled = 0;
    fakeInspector({
      getOverview: () => slow.promise,
      cancelOverview: async () => {
        cancelled++;
        return ok({ cancelled: true });
      },
    });
    const data = await freshData();
    const running = data.refresh();
    expect(data.busy).toBe(true);
    data.stop();
    expect(data.busy).toBe(false);
    expect(cancelled).toBe(1);
    slow.resolve(ok(result([row(5)])));
    await running;
    expect(data.result).toBeNull();
  });

  test("takes main's schedule and each overview refreshed on schedule, and Stop stops one on schedule too", async () => {
    let pushSchedule: (schedule: OverviewSchedule) => void = () => {};
    let pushRefreshed: (refreshed: OverviewRefreshed) => void = () => {};
    let cancelled = 0;
    fakeInspector({
      getOverviewSchedule: async () => ok(schedule({ state: 'waiting' })),
      onOverviewSchedule: (listener) => ((pushSchedule = listener), () => {}),
      onOverviewRefreshed: (listener) => ((pushRefreshed = listener), () => {}),
      cancelOverview: async () => {
        cancelled++;
        return ok({ cancelled: true });
      },
    });
    const data = await freshData();
    data.listen();
    await vi.waitFor(() => expect(data.schedule?.state).toBe('waiting'));
    pushSchedule(schedule({ state: 'refreshing', requests: 3 }));
    expect(data.scheduledBusy).toBe(true);
    data.stop();
    expect(cancelled).toBe(1);
    pushRefreshed({ account: 'example.bitrix24.com', result: result([row(7), row(8)]) });
    expect(data.result?.rows.map((r) => r.chatId)).toEqual([7, 8]);
    expect(data.account).toBe('example.bitrix24.com');
  });
});

describe('grouping the table', () => {
  /** Each header as "key:count", each row as its chat id. */
  const shape = (items: readonly TableItem[]) => items.map((item) => (item.kind === 'group' ? `${item.key}:${item.count}` : item.row.chatId));

  test('puts the statuses in their own order, each with its count, the sort kept inside each', () => {
    const sorted = sortRows(rows, DEFAULT_SORT, 'en');
    expect(shape(groupTable(sorted, 'status', 'en'))).toEqual(['clientWaiting:3', 3003, 3002, 3006, 'operatorAnswered:1', 3001, 'closed:1', 3004, 'unknown:1', 3005]);
    const sortedByClient = sortRows(rows, { key: 'client', direction: 'descending' }, 'en');
    const waitingGroup = groupTable(sortedByClient, 'status', 'en').slice(0, 4);
    expect(shape(waitingGroup)).toEqual(['clientWaiting:3', 3002, 3006, 3003]);
  });

  test('puts groups by name in the locale’s order, the one without a value last, named from any row that names it', () => {
    const operators = groupTable(rows, 'operator', 'en');
    const headers = operators.filter((item): item is Extract<TableItem, { kind: 'group' }> => item.kind === 'group');
    expect(headers.map((group) => [group.name, group.count])).toEqual([
      ['Olga Petrova', 4],
      ['Иван Орлов', 1],
      [null, 1],
    ]);
    expect(headers.at(-1)!.key).toBe(NONE);
    // Line 3 is numbered by one row and named by the next.
    const lines = groupTable([row(1, { lineId: 3, lineName: null }), row(2, { lineId: 3, lineName: 'VIP' })], 'line', 'en');
    expect(lines[0]).toMatchObject({ kind: 'group', key: '3', name: 'VIP', count: 2 });
  });

  test('keeps a collapsed group’s header and count without its rows, puts a group only numbered after the named ones, and without grouping gives the rows alone', () => {
    expect(shape(groupTable(rows, 'line', 'en', new Set(['1'])))).toEqual(['2:2', 3003, 3004, '1:3', '3:1', 3006]);
    expect(groupTable(rows, 'line', 'en', new Set(['1']))[3]).toMatchObject({ kind: 'group', name: 'Support', collapsed: true });
    expect(shape(groupTable(rows, 'none', 'en'))).toEqual(ids(rows));
  });
});

describe('the overview in words', () => {
  test('says how long a client has waited, to the minute, in either language', () => {
    const minutes = (n: number) => n * 60_000;
    expect([20_000, minutes(12), minutes(65), minutes(60 * 27 + 5)].map(en.waited)).toEqual(['under a minute', '12 min', '1 h 05 min', '1 d 3 h']);
    expect([20_000, minutes(12), minutes(65)].map(ru.waited)).toEqual(['меньше минуты', '12 мин', '1 ч 05 мин']);
  });

  test('counts dialogs with the Russian forms a number takes after «из»', () => {
    expect(ru.shown(3, 1)).toBe('3 из 1 диалога');
    expect(ru.shown(3, 21)).toBe('3 из 21 диалога');
    expect(ru.shown(3, 187)).toBe('3 из 187 диалогов');
    expect(ru.shown(5, 5)).toBe('5 диалогов');
    expect(en.shown(1_200, 10_000)).toBe('1,200 of 10,000 dialogs');
  });

  test('names the scope that would enable a source', () => {
    expect(en.sourceNeedsScope('crm')).toBe('needs the “crm” scope');
    expect(ru.sourceNeedsScope('im')).toBe('нужно право «im»');
  });
});
