// The conversation view's arithmetic: days and messages as one list, find's
// matches and where they fall in a message's text nodes, human durations
// against the line's targets, file sizes.
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationMessage, ConversationTimings } from '../../preload/api-contract';
import en from '../../renderer/src/lib/messages/conversation-en';
import ru from '../../renderer/src/lib/messages/conversation-ru';
import { freshStores } from './support/fresh-stores';

async function model() {
  await freshStores();
  return import('../../renderer/src/lib/conversation-model');
}

function message(id: number, date: string, text = `message ${id}`): ConversationMessage {
  return { id, date, authorId: '1', role: 'client', text, files: [], attachments: [], vote: null, sessionStart: false, deleted: false };
}

describe('rows of the virtual list', () => {
  it('puts a day heading before the first message of each local day', async () => {
    const { conversationRows, rowOfMessage } = await model();
    const now = Date.parse('2026-03-20T12:00:00');
    const rows = conversationRows(
      [message(1, '2026-03-16T09:00:00'), message(2, '2026-03-16T18:00:00'), message(3, '2026-03-19T10:00:00'), message(4, '2026-03-20T08:00:00')],
      now,
    );
    expect(rows.map((row) => (row.kind === 'day' ? `[${row.label.replace(',', '')}]` : row.index))).toEqual(['[Monday 16 March]', 0, 1, '[Yesterday]', 2, '[Today]', 3]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    expect(rowOfMessage(rows, 2)).toBe(4);
  });

  it('keeps 5,000 messages in one flat list with unique keys', async () => {
    const { conversationRows } = await model();
    const start = Date.parse('2026-03-01T00:00:00Z');
    const messages = Array.from({ length: 5_000 }, (_, i) => message(i + 1, new Date(start + i * 600_000).toISOString()));
    const rows = conversationRows(messages, start + 40 * 86_400_000);
    expect(rows.filter((row) => row.kind === 'message')).toHaveLength(5_000);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('heads each run of one local day once, a day met again after another (a clock put back) apart, and an unreadable date on its own', async () => {
    const { conversationRows } = await model();
    const start = Date.parse('2026-03-01T00:00:00Z');
    // Every 37 minutes for a week, then two hours back into the day before, then a date that is none.
    const dates = Array.from({ length: 270 }, (_, i) => new Date(start + i * 37 * 60_000).toISOString());
    dates.push(new Date(start + 269 * 37 * 60_000 - 26 * 3_600_000).toISOString(), 'not a date');
    const messages = dates.map((at, i) => message(i + 1, at));
    const rows = conversationRows(messages, start + 40 * 86_400_000);
    // What each message's local day is, read with a Date each, and where a new heading must come.
    const dayOf = (at: string): string => {
      const time = Date.parse(at);
      if (Number.isNaN(time)) return 'unknown';
      const date = new Date(time);
      return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
    };
    const expected: Array<string | number> = [];
    dates.forEach((at, i) => {
      if (i === 0 || dayOf(at) !== dayOf(dates[i - 1]!)) expected.push('day');
      expected.push(i);
    });
    expect(rows.map((row) => (row.kind === 'day' ? 'day' : row.index))).toEqual(expected);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
});

describe('find', () => {
  it('finds every match in any case, in reading order', async () => {
    const { findMatches, parseMessages } = await model();
    const plains = parseMessages([message(1, '2026-03-16T09:00:00Z', 'Where is my [b]ORDER[/b]?'), message(2, '2026-03-16T09:01:00Z', 'order 1, order 2')]).plains();
    expect(findMatches(plains, ' order ')).toEqual([
      { message: 0, start: 12, end: 17 },
      { message: 1, start: 0, end: 5 },
      { message: 1, start: 9, end: 14 },
    ]);
    expect(findMatches(plains, '   ')).toEqual([]);
    expect(findMatches(plains, '[b]')).toEqual([]);
    expect(findMatches(['a.b axb'], '.')).toEqual([{ message: 0, start: 1, end: 2 }]);
  });

  it('parses a message when it is first drawn or searched, once', async () => {
    const { parseMessages } = await model();
    const messages = [message(1, '2026-03-16T09:00:00Z', '[b]one[/b]'), message(2, '2026-03-16T09:01:00Z', 'two')];
    const parsed = parseMessages(messages);
    const first = parsed.at(0);
    expect(first.plain).toBe('one');
    expect(parsed.at(0)).toBe(first);
    expect(parsed.plains()).toEqual(['one', 'two']);
  });

  it('steps forward and back, wrapping', async () => {
    const { stepMatch } = await model();
    expect(stepMatch(-1, 3, false)).toBe(0);
    expect(stepMatch(-1, 3, true)).toBe(2);
    expect(stepMatch(2, 3, false)).toBe(0);
    expect(stepMatch(0, 3, true)).toBe(2);
    expect(stepMatch(5, 3, false)).toBe(0);
    expect(stepMatch(0, 0, false)).toBe(-1);
  });

  it('cuts a text node where matches fall, a match across two nodes marked in both', async () => {
    const { markRanges } = await model();
    // "where is my order": "my or" spans the node "where is my " (at 0) and "order" (at 12).
    const ranges: Array<[number, number]> = [[9, 14]];
    expect(markRanges('where is my ', 0, ranges, [9, 14])).toEqual([
      { text: 'where is ', match: false, current: false },
      { text: 'my ', match: true, current: true },
    ]);
    expect(markRanges('order', 12, ranges, null)).toEqual([
      { text: 'or', match: true, current: false },
      { text: 'der', match: false, current: false },
    ]);
    expect(markRanges('abc', 20, ranges, null)).toEqual([{ text: 'abc', match: false, current: false }]);
    expect(markRanges('aXbX', 0, [[1, 2], [3, 4]], [3, 4]).map((part) => `${part.text}${part.match ? '*' : ''}${part.current ? '!' : ''}`)).toEqual(['a', 'X*', 'b', 'X*!']);
  });
});

describe('durations and sizes', () => {
  it('says a duration in its two largest units', async () => {
    const { humanDuration } = await model();
    expect([0, 45, 60, 125, 3_600, 3_720, 3_725, 90_061].map((s) => humanDuration(s, en))).toEqual(['0 s', '45 s', '1 min', '2 min 5 s', '1 h', '1 h 2 min', '1 h 2 min', '1 d 1 h']);
    expect(humanDuration(125, ru)).toBe('2 мин 5 с');
  });

  const waitOf = (seconds: number, from: string) => ({ seconds, from, to: from });
  const timingsWith = (overrides: Partial<ConversationTimings>): ConversationTimings => ({
    start: '2026-03-16T09:00:00Z',
    firstResponse: null,
    longestClientWait: null,
    lastAuthor: null,
    lastMessageAt: null,
    clientWaitingSince: null,
    durationSeconds: null,
    kpi: { firstAnswerSeconds: 120, furtherAnswerSeconds: 600 },
    ...overrides,
  });

  it('compares a wait with the line target, naming which', async () => {
    const { kpiVerdict } = await model();
    const timings = timingsWith({});
    const wait = (seconds: number) => waitOf(seconds, '2026-03-16T09:00:00Z');
    expect(kpiVerdict(wait(90), timings, en)).toEqual({ text: 'within the 2 min first-answer target', over: false, target: 'first' });
    expect(kpiVerdict(wait(120), timings, en)).toEqual({ text: 'within the 2 min first-answer target', over: false, target: 'first' });
    expect(kpiVerdict(wait(180), timings, en)).toEqual({ text: 'over the 2 min first-answer target by 1 min', over: true, target: 'first' });
    expect(kpiVerdict(wait(180), timings, ru)?.text).toBe('дольше нормы первого ответа (2 мин) на 1 мин');
    expect(kpiVerdict(wait(180), timingsWith({ kpi: { firstAnswerSeconds: null, furtherAnswerSeconds: 600 } }), en)).toBeNull();
    expect(kpiVerdict(wait(180), timingsWith({ kpi: null }), en)).toBeNull();
    expect(kpiVerdict(null, timings, en)).toBeNull();
  });

  it('holds the longest wait to the first-answer target when it was the first wait, to the further-answer target when it came after an answer', async () => {
    const { kpiVerdict, targetOfWait } = await model();
    // The first wait, 5 min, was the longest: over the first answer's 2 min, though within the further answers' 10 min.
    const first = waitOf(300, '2026-03-16T09:00:00Z');
    const firstLongest = timingsWith({ firstResponse: first, longestClientWait: first });
    expect(targetOfWait(first, firstLongest)).toBe('first');
    expect(kpiVerdict(firstLongest.longestClientWait, firstLongest, en)).toEqual({ text: 'over the 2 min first-answer target by 3 min', over: true, target: 'first' });
    // A later wait of 5 min is within the further answers' 10 min.
    const later = waitOf(300, '2026-03-16T09:20:00Z');
    const laterLongest = timingsWith({ firstResponse: waitOf(60, '2026-03-16T09:00:00Z'), longestClientWait: later });
    expect(targetOfWait(later, laterLongest)).toBe('further');
    expect(kpiVerdict(later, laterLongest, en)).toEqual({ text: 'within the 10 min further-answer target', over: false, target: 'further' });
    expect(kpiVerdict(later, laterLongest, ru)?.text).toBe('в пределах нормы следующих ответов (10 мин)');
  });

  it('judges the running wait against the first-answer target before any operator answer, the further-answer target after', async () => {
    const { kpiVerdict, runningWait } = await model();
    const now = Date.parse('2026-03-16T09:30:00Z');
    const unanswered = timingsWith({ clientWaitingSince: '2026-03-16T09:25:00Z' });
    expect(runningWait(unanswered, now)).toMatchObject({ seconds: 300, from: '2026-03-16T09:25:00Z' });
    expect(kpiVerdict(runningWait(unanswered, now), unanswered, en)?.text).toBe('over the 2 min first-answer target by 3 min');
    const answeredBefore = timingsWith({ firstResponse: waitOf(60, '2026-03-16T09:00:00Z'), clientWaitingSince: '2026-03-16T09:25:00Z' });
    expect(kpiVerdict(runningWait(answeredBefore, now), answeredBefore, en)?.text).toBe('within the 10 min further-answer target');
    expect(runningWait(timingsWith({}), now)).toBeNull();
  });

  it('stamps a conversation kept in the store with when it was fetched, not one fetched with the dialog just now', async () => {
    const { keptAsOf } = await model();
    const conversation = { fetchedAt: '2026-03-16T09:00:00.000Z' } as Conversation;
    expect(keptAsOf(conversation, { source: 'cache', fetchedAt: '2026-03-16T09:00:00.000Z' })).toBe('2026-03-16T09:00:00.000Z');
    expect(keptAsOf(conversation, { source: 'network', fetchedAt: '2026-03-16T09:00:00.400Z' })).toBeNull();
    expect(keptAsOf(conversation, { source: 'network', fetchedAt: '2026-03-17T10:00:00.000Z' })).toBe('2026-03-16T09:00:00.000Z');
    // The session picker stamps an earlier session it shows itself.
    expect(keptAsOf(conversation, { source: 'cache', fetchedAt: '2026-03-16T09:00:00.000Z' }, false)).toBeNull();
  });

  it('says a file size in human units', async () => {
    const { humanSize } = await model();
    expect([812, 1_500, 24_117_248, 5 * 1024 ** 3].map((bytes) => humanSize(bytes, 'en-GB', en))).toEqual(['812 B', '1.5 KB', '23 MB', '5 GB']);
    expect(humanSize(1_500, 'ru-RU', ru)).toBe('1,5 КБ');
    expect(humanSize(null, 'en-GB', en)).toBeNull();
  });
});
