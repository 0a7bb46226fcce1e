// Issue "Many dialogs at once", the window's part: the run's store (rows in
// list order whatever order main answers them in, counts, cancel, only the
// newest run heard), the table as CSV, and a pasted list offered as a run.
import { afterEach, beforeEach, describe, expect, it as test, vi } from 'vitest';
import type { BulkProgress, BulkRow, BulkRunRequest, BulkRunResult, IdentifierList, InspectorApi, Result } from '../../preload/api-contract';
import { deferred, failure, fakeInspector, ok, type Deferred } from './support/fake-inspector';
import { freshStores } from './support/fresh-stores';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const found = (index: number, input = `chat${2001 + index}`): BulkRow => ({
  index,
  input,
  outcome: 'found',
  dialog: {
    chatId: 2001 + index,
    dialogId: `chat${2001 + index}`,
    name: `Guest ${index}`,
    channel: 'Telegram',
    lineId: 8,
    lineName: null,
    operatorId: '27',
    operatorName: null,
    clientUserId: 5,
    crm: 'Lead 12',
    sessionId: 100 + index,
    sessionStart: '2026-03-16T18:41:00+03:00',
    pinned: false,
    silent: false,
    blocked: false,
  },
  error: null,
  fetchedAt: '2026-03-16T18:41:00+03:00',
});
/** An envelope main made (its codes are the catalogued ones). */
const mainFailure = (code: 'INVALID_IDENTIFIER' | 'CONNECTION_RESET', title: string) => failure(code, title) as NonNullable<BulkRow['error']>;
const failedRow = (index: number, input: string): BulkRow => ({ index, input, outcome: 'failed', dialog: null, error: mainFailure('INVALID_IDENTIFIER', 'Not a dialog identifier'), fetchedAt: null });
const keptRow = (index: number): BulkRow => ({ ...found(index), outcome: 'kept', error: mainFailure('CONNECTION_RESET', 'The connection was reset') });

/** A fake bridge whose bulk runs wait for the test, which pushes their progress events itself. */
async function bulkWorld() {
  let listener: ((progress: BulkProgress) => void) | null = null;
  const runs: Array<{ request: BulkRunRequest; answer: Deferred<Result<BulkRunResult>> }> = [];
  const cancelled: string[] = [];
  const api: Partial<InspectorApi> = {
    runBulk: (request) => {
      const answer = deferred<Result<BulkRunResult>>();
      runs.push({ request, answer });
      return answer.promise;
    },
    cancelBulk: async ({ runId }) => {
      cancelled.push(runId);
      return ok({ cancelled: true });
    },
    onBulkProgress: (callback) => {
      listener = callback;
      return () => {
        if (listener === callback) listener = null;
      };
    },
  };
  fakeInspector(api);
  const stores = await freshStores();
  const { bulk } = await import('../../renderer/src/lib/bulk-state.svelte');
  const push = (progress: Partial<BulkProgress> & { runId: string }) =>
    listener?.({ done: 0, total: 0, rows: [], perSecond: null, remainingMs: null, waitingMs: null, ...progress });
  const result = (runId: string, rows: BulkRow[], cancelled = false): Result<BulkRunResult> =>
    ok({ runId, rows, cancelled, found: 0, kept: 0, failed: 0, elapsedMs: 1200 });
  return { bulk, runs, cancelled, push, result, stores };
}

describe('the bulk run store', () => {
  test('rows arriving out of order take their place by index, with counts by outcome', async () => {
    const { bulk, runs, push, result } = await bulkWorld();
    const running = bulk.start(['chat2001', 'hello', 'chat2003', 'chat2004'], 'chat');
    expect(bulk.shown).toBe(true);
    expect(bulk.run).toMatchObject({ status: 'running', total: 4, done: 0 });
    const runId = runs[0]!.request.runId;
    expect(runs[0]!.request).toEqual({ inputs: ['chat2001', 'hello', 'chat2003', 'chat2004'], numberAs: 'chat', runId });

    push({ runId, done: 1, total: 4, rows: [failedRow(1, 'hello')] });
    push({ runId, done: 3, total: 4, rows: [found(3), keptRow(0)], perSecond: 12.5, remainingMs: 80 });
    expect(bulk.rows.map((row) => row.index)).toEqual([0, 1, 3]);
    expect(bulk.counts).toEqual({ all: 3, found: 1, kept: 1, failed: 1 });
    expect(bulk.run).toMatchObject({ done: 3, perSecond: 12.5, remainingMs: 80 });

    // A row main answered again (never expected) is kept once.
    push({ runId, done: 4, total: 4, rows: [found(2), found(3)] });
    expect(bulk.rows.map((row) => row.index)).toEqual([0, 1, 2, 3]);

    bulk.filter = 'found';
    expect(bulk.visibleRows.map((row) => row.index)).toEqual([2, 3]);

    runs[0]!.answer.resolve(result(runId, [found(3), keptRow(0), failedRow(1, 'hello'), found(2)]));
    await running;
    expect(bulk.run?.status).toBe('done');
    expect(bulk.rows.map((row) => row.index)).toEqual([0, 1, 2, 3]);
  });

  test('a wait for the portal is counted down, and ends with the next rows', async () => {
    const { bulk, runs, push } = await bulkWorld();
    void bulk.start(['1', '2'], 'chat');
    const runId = runs[0]!.request.runId;
    push({ runId, done: 0, total: 2, waitingMs: 2_000 });
    expect(bulk.waitingMs).toBe(2_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bulk.waitingMs).toBeLessThanOrEqual(1_000);
    push({ runId, done: 2, total: 2, rows: [found(0), found(1)] });
    expect(bulk.waitingMs).toBeNull();
  });

  test('cancel asks main to stop the run; its answer says stopped and keeps the rows answered', async () => {
    const { bulk, runs, cancelled, push, result } = await bulkWorld();
    const running = bulk.start(['hello', 'chat2001', 'chat2002'], 'chat');
    const runId = runs[0]!.request.runId;
    push({ runId, done: 1, total: 3, rows: [failedRow(0, 'hello')] });
    await bulk.cancel();
    expect(cancelled).toEqual([runId]);
    runs[0]!.answer.resolve(result(runId, [failedRow(0, 'hello')], true));
    await running;
    expect(bulk.run).toMatchObject({ status: 'cancelled', total: 3, done: 1 });
    expect(bulk.counts.all).toBe(1);
    // Nothing is running any more: a second cancel asks nothing.
    await bulk.cancel();
    expect(cancelled).toEqual([runId]);
  });

  test('a run started while another is shown replaces it: the old one is stopped, and its late events and answer ignored', async () => {
    const { bulk, runs, cancelled, push, result } = await bulkWorld();
    const first = bulk.start(['chat2001', 'chat2002'], 'chat');
    const firstId = runs[0]!.request.runId;
    push({ runId: firstId, done: 1, total: 2, rows: [found(0)] });

    const second = bulk.start(['9999', 'chat2005', 'hello'], 'session');
    const secondId = runs[1]!.request.runId;
    expect(secondId).not.toBe(firstId);
    expect(cancelled).toEqual([firstId]);
    expect(bulk.rows).toEqual([]);
    expect(bulk.run).toMatchObject({ runId: secondId, total: 3, numberAs: 'session' });

    // The first run's late event and its answer change nothing.
    push({ runId: firstId, done: 2, total: 2, rows: [found(1)] });
    runs[0]!.answer.resolve(result(firstId, [found(0), found(1)], true));
    await first;
    expect(bulk.rows).toEqual([]);
    expect(bulk.run).toMatchObject({ runId: secondId, status: 'running', done: 0 });

    push({ runId: secondId, done: 1, total: 3, rows: [failedRow(2, 'hello')] });
    expect(bulk.rows.map((row) => row.input)).toEqual(['hello']);
    runs[1]!.answer.resolve(result(secondId, [failedRow(2, 'hello')]));
    await second;
    expect(bulk.run?.status).toBe('done');
  });

  test('a run main refuses as a whole (no portal) says why, in place of the table', async () => {
    const { bulk, runs } = await bulkWorld();
    const running = bulk.start(['1', '2'], 'chat');
    runs[0]!.answer.resolve({ ok: false, error: failure('NOT_CONNECTED', 'No portal connected') });
    await running;
    expect(bulk.run).toMatchObject({ status: 'failed', error: { code: 'NOT_CONNECTED' } });
  });

  test('closing shows the inspector again and keeps the run; a single lookup does the same', async () => {
    const { bulk, runs, push } = await bulkWorld();
    void bulk.start(['1', '2'], 'chat');
    push({ runId: runs[0]!.request.runId, done: 1, total: 2, rows: [found(0)] });
    bulk.close();
    expect(bulk.shown).toBe(false);
    expect(bulk.rows).toHaveLength(1);
    bulk.show();
    expect(bulk.shown).toBe(true);
    const { emit } = await import('../../renderer/src/lib/app-events');
    emit('single-dialog', {});
    expect(bulk.shown).toBe(false);
  });
});

describe('the table as CSV', () => {
  test('RFC 4180: commas, quotes and line breaks quoted, quotes doubled, records ended by CRLF', async () => {
    await freshStores();
    const { csvField, toCsv } = await import('../../renderer/src/lib/bulk-table');
    expect(csvField('chat1777')).toBe('chat1777');
    expect(csvField('Lead 1209')).toBe('Lead 1209');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
    // A name a spreadsheet would run as a formula is pasted as text.
    expect(csvField('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toCsv(['a', 'b'], [['1', 'x,y'], ['', '"']])).toBe('a,b\r\n1,"x,y"\r\n,""""\r\n');
  });

  test('the rows as the window shows them: line and operator by number when unnamed, the failure with its code', async () => {
    await freshStores();
    const { rowsAsCsv } = await import('../../renderer/src/lib/bulk-table');
    const { default: m } = await import('../../renderer/src/lib/messages/bulk-en');
    const { default: words } = await import('../../renderer/src/lib/messages/en');
    const { markWords } = await import('../../renderer/src/lib/row-marks');
    const named: BulkRow = { ...found(0, 'livechat|22|1775|599'), dialog: { ...found(0).dialog!, name: 'Green, "Guest"', lineName: 'Sales', operatorName: 'Samantha Johnson', pinned: true, blocked: true } };
    const lines = rowsAsCsv([named, found(1, '2002'), failedRow(2, 'hello')], m, markWords(words)).split('\r\n');
    expect(lines[0]).toBe('identifier,outcome,dialog,chat id,dialog id,channel,line,operator,crm,session id,session start,marks,error code,error');
    expect(lines[1]).toBe('livechat|22|1775|599,Found,"Green, ""Guest""",2001,chat2001,Telegram,Sales,Samantha Johnson,Lead 12,100,2026-03-16T18:41:00+03:00,Pinned; Replies blocked,,');
    expect(lines[2]).toBe('2002,Found,Guest 1,2002,chat2002,Telegram,Line 8,user 27,Lead 12,101,2026-03-16T18:41:00+03:00,,,');
    expect(lines[3]).toBe('hello,Failed,,,,,,,,,,,INVALID_IDENTIFIER,"Not a dialog identifier: Not a dialog identifier, said the fake."');
    expect(lines[4]).toBe('');
  });
});

describe('a list in the lookup field', () => {
  const list: IdentifierList = {
    items: [
      { input: 'chat1777', query: { param: 'DIALOG_ID', value: 'chat1777', label: 'Dialog id chat1777', input: 'chat1777' } as never },
      { input: 'hello', error: mainFailure('INVALID_IDENTIFIER', 'INVALID_IDENTIFIER') },
      { input: '2001', query: { param: 'CHAT_ID', value: 2001, label: 'Chat id 2001', input: '2001' } as never },
    ],
    repeats: 2,
  };

  test('is split by main, never refused by the single parse, and Enter runs it all', async () => {
    const split = vi.fn(async () => ok(list));
    const parse = vi.fn(async () => ({ ok: false as const, error: failure('INVALID_IDENTIFIER') }));
    const runBulk = vi.fn(() => new Promise<Result<BulkRunResult>>(() => {}));
    fakeInspector({ splitIdentifiers: split, parseIdentifier: parse, runBulk });
    const { lookup, messages } = await freshStores();
    const { bulk } = await import('../../renderer/src/lib/bulk-state.svelte');

    lookup.setInput('chat1777, hello\n2001 chat1777 2001');
    expect(lookup.recognition.state).toBe('checking');
    await vi.advanceTimersByTimeAsync(200);
    expect(parse).not.toHaveBeenCalled();
    expect(split).toHaveBeenCalledWith({ text: 'chat1777, hello\n2001 chat1777 2001', numberAs: 'chat' });
    expect(lookup.recognition).toEqual({ state: 'list', list });
    expect(messages.lookup.listOffer(3, 1, 2)).toBe('3 identifiers (1 not recognised, 2 repeats) — Enter looks them all up');
    expect(messages.lookup.listOffer(12, 0, 0)).toBe('12 identifiers — Enter looks them all up');
    expect(messages.lookup.lookUpAll(12)).toBe('Look up all 12');

    await lookup.run();
    expect(runBulk).toHaveBeenCalledWith(expect.objectContaining({ inputs: ['chat1777', 'hello', '2001'], numberAs: 'chat' }));
    expect(lookup.refusedOnSubmit).toBe(false);
    expect(bulk.shown).toBe(true);
    expect(lookup.status).toBe('idle');
  });

  test('pieces holding fewer than two identifiers are one mistyped identifier: its own advice, not a run', async () => {
    const split = vi.fn(async () =>
      ok({ items: [{ input: 'chat', error: mainFailure('INVALID_IDENTIFIER', 'INVALID_IDENTIFIER') }, { input: '1777', query: { param: 'CHAT_ID', value: 1777, label: 'Chat id 1777', input: '1777' } as never }], repeats: 0 }),
    );
    const parse = vi.fn(async () => ({ ok: false as const, error: failure('INVALID_IDENTIFIER', 'Write the dialog id without spaces or signs: chat1777.') }));
    fakeInspector({ splitIdentifiers: split, parseIdentifier: parse });
    const { lookup } = await freshStores();
    lookup.setInput('chat 1777');
    await vi.advanceTimersByTimeAsync(200);
    expect(split).toHaveBeenCalled();
    expect(parse).toHaveBeenCalledWith({ input: 'chat 1777', numberAs: 'chat' });
    expect(lookup.recognition).toMatchObject({ state: 'refused', error: { title: 'Write the dialog id without spaces or signs: chat1777.' } });
  });

  test('one piece is still a single lookup; a list too long is refused with main’s reason', async () => {
    const split = vi.fn(async () => ({ ok: false as const, error: failure('INVALID_ARGUMENT', 'Too many identifiers') }));
    const parse = vi.fn(async () => ok({ param: 'DIALOG_ID', value: 'chat1777', label: 'Dialog id chat1777', input: 'chat1777' }));
    fakeInspector({ splitIdentifiers: split, parseIdentifier: parse as never });
    const { lookup } = await freshStores();
    lookup.setInput('  chat1777  ');
    await vi.advanceTimersByTimeAsync(200);
    expect(split).not.toHaveBeenCalled();
    expect(lookup.recognition.state).toBe('recognised');

    lookup.setInput('1 2 3');
    await vi.advanceTimersByTimeAsync(200);
    expect(lookup.recognition).toMatchObject({ state: 'refused', error: { title: 'Too many identifiers' } });
  });

  test('is cut where main cuts it (one module for both): whitespace, commas, semicolons; never inside a link or user code', async () => {
    const { looksLikeList, listPieces } = await import('../../preload/api-contract');
    expect(listPieces('1777,\n chat1777;;2001\t livechat|22|1775|599')).toEqual(['1777', 'chat1777', '2001', 'livechat|22|1775|599']);
    expect(looksLikeList('https://x.bitrix24.com/online/?IM_DIALOG=chat1777')).toBe(false);
    expect(looksLikeList(' chat1777 ')).toBe(false);
    expect(looksLikeList(' , ; ')).toBe(false);
    expect(looksLikeList('chat1777 2001')).toBe(true);
  });
});

describe('a list file', () => {
  test('goes into the field as its identifiers: a CSV by its column, a text as pasted; one without any is said, not put in', async () => {
    await freshStores();
    const { listFromFile } = await import('../../renderer/src/lib/dropped-list');
    expect(listFromFile('\uFEFFinput,outcome,chat_id,dialog_id\r\n2001,found,2001,chat2001\r\nhello,failed,,\r\n', 'bulk.csv')).toEqual({ ok: true, text: 'chat2001', name: 'bulk.csv' });
    expect(listFromFile('chat1777\n2001, 2002\n', 'list.txt')).toEqual({ ok: true, text: 'chat1777 2001 2002', name: 'list.txt' });
    expect(listFromFile('input,outcome\r\n', 'empty.csv')).toEqual({ ok: false, message: '\u2068empty.csv\u2069 holds no identifiers: nothing was put in the lookup field.' });
  });
});

describe('the bulk run’s words', () => {
  test('English and Russian, with Russian plurals', async () => {
    await freshStores();
    const { default: en } = await import('../../renderer/src/lib/messages/bulk-en');
    const { default: ru } = await import('../../renderer/src/lib/messages/bulk-ru');
    expect(en.lookingUp(120)).toBe('Looking up 120 dialogs');
    expect(en.lookingUp(1)).toBe('Looking up 1 dialog');
    expect(en.done(110, 4, 6)).toBe('Done: 110 found, 4 kept copies, 6 failed');
    expect(en.done(2, 0, 3)).toBe('Done: 2 found, 3 failed');
    expect(en.stopped(38, 0, 2, 80)).toBe('Stopped: 38 found, 2 failed; 80 not looked up');
    expect([en.progress(72, 120), en.perSecond(18), en.left(3_000)].join(' · ')).toBe('72 of 120 · 18/s · about 3 s left');
    expect(en.waiting(1_600)).toBe("Waiting for the portal's rate limit: 2 s");
    expect(ru.lookingUp(1)).toBe('Ищем 1 диалог');
    expect(ru.lookingUp(3)).toBe('Ищем 3 диалога');
    expect(ru.lookingUp(120)).toBe('Ищем 120 диалогов');
    expect(ru.done(110, 4, 6)).toBe('Готово: найдено 110, 4 сохранённые копии, с ошибкой 6');
    expect(ru.done(21, 1, 0)).toBe('Готово: найден 21, 1 сохранённая копия, с ошибкой 0');
    expect(ru.done(5, 5, 1)).toBe('Готово: найдено 5, 5 сохранённых копий, с ошибкой 1');
  });
});
