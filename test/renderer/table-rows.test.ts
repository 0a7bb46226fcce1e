// What the views' tables share, decided without a browser: the keys that
// move between rows, and a dialog's marks in the summary card's words.
import { describe, expect, it as test } from 'vitest';
import en from '../../renderer/src/lib/messages/en';
import ru from '../../renderer/src/lib/messages/ru';
import { dialogMarks, markWords } from '../../renderer/src/lib/row-marks';
import { rowMove } from '../../renderer/src/lib/table-rows';

/** A key press as the row's handler sees it: whether its default was stopped. */
function press(key: string): { event: KeyboardEvent; stopped: () => boolean } {
  let stopped = false;
  const event = { key, preventDefault: () => (stopped = true) } as unknown as KeyboardEvent;
  return { event, stopped: () => stopped };
}

describe('the keys of a table row', () => {
  test('↓, ↑, Home and End move, and the page does not scroll with them', () => {
    for (const [key, to] of [['ArrowDown', 3], ['ArrowUp', 1], ['Home', 0], ['End', 9]] as const) {
      const { event, stopped } = press(key);
      expect(rowMove(event, 2, 10)).toBe(to);
      expect(stopped()).toBe(true);
    }
  });

  test('Enter (the row’s own click), Esc (the window’s) and ↓ past the last row are left alone', () => {
    for (const [key, at] of [['Enter', 2], ['Escape', 2], ['ArrowDown', 9], ['a', 2]] as const) {
      const { event, stopped } = press(key);
      expect(rowMove(event, at, 10)).toBeNull();
      expect(stopped()).toBe(false);
    }
  });
});

describe('a dialog’s marks', () => {
  test('in a fixed order, only those it has', () => {
    expect(dialogMarks({ pinned: true, silent: false, blocked: true })).toEqual(['pinned', 'blocked']);
    expect(dialogMarks({ pinned: false, silent: false, blocked: false })).toEqual([]);
  });

  test('said as the summary card says them, in either language', () => {
    expect(markWords(en)).toEqual({ pinned: 'Pinned', silent: 'Silent mode', blocked: 'Replies blocked' });
    expect(markWords(ru)).toEqual({ pinned: 'Закреплён', silent: 'Скрытый режим', blocked: 'Ответы закрыты' });
  });
});
