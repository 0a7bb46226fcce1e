// The conversation view's arithmetic: days and messages as one list, find's
// matches and where they fall in a message's text nodes, human durations
// against the line's targets, file sizes.
import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../preload/api-contract';
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

  it('compares a wait with the line target', async () => {
    const { kpiVerdict } = await model();
    const wait = (seconds: number) => ({ seconds, from: '2026-03-16T09:00:00Z', to: '2026-03-16T09:05:00Z' });
    expect(kpiVerdict(wait(90), 120, en)).toEqual({ text: 'within the 2 min target', over: false });
    expect(kpiVerdict(wait(120), 120, en)).toEqual({ text: 'within the 2 min target', over: false });
    expect(kpiVerdict(wait(180), 120, en)).toEqual({ text: 'over the 2 min target by 1 min', over: true });
    expect(kpiVerdict(wait(180), 120, ru)?.text).toBe('дольше нормы 2 мин на 1 мин');
    expect(kpiVerdict(wait(180), null, en)).toBeNull();
    expect(kpiVerdict(null, 120, en)).toBeNull();
  });

  it('says a file size in human units', async () => {
    const { humanSize } = await model();
    expect([812, 1_500, 24_117_248, 5 * 1024 ** 3].map((bytes) => humanSize(bytes, 'en-GB', en))).toEqual(['812 B', '1.5 KB', '23 MB', '5 GB']);
    expect(humanSize(1_500, 'ru-RU', ru)).toBe('1,5 КБ');
    expect(humanSize(null, 'en-GB', en)).toBeNull();
  });
});
