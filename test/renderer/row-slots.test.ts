// The arithmetic of the overview's virtual list (RecycledList), decided
// without a browser: where rows start, which a scroll position draws, which
// element each drawn row takes, and where a row scrolled to lands.
import { describe, expect, it as test } from 'vitest';
import { assignSlots, rowAt, rowOffsets, scrollTopFor, shownRange } from '../../renderer/src/lib/row-slots';

/** Rows of 37 px, with a 31 px group header at every tenth. */
const sizeAt = (index: number): number => (index % 10 === 0 ? 31 : 37);

describe('where rows start', () => {
  test('each row starts where the one before ends, and the last offset is the list’s height', () => {
    const offsets = rowOffsets(25, sizeAt);
    expect(offsets).toHaveLength(26);
    expect([...offsets.slice(0, 3)]).toEqual([0, 31, 68]);
    expect(offsets[25]).toBe(3 * 31 + 22 * 37);
  });

  test('the row at a height is the last one starting at or above it, kept within the list', () => {
    const offsets = rowOffsets(25, sizeAt);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 30.9)).toBe(0);
    expect(rowAt(offsets, 31)).toBe(1);
    expect(rowAt(offsets, -500)).toBe(0);
    expect(rowAt(offsets, 1e9)).toBe(24);
    expect(rowAt(rowOffsets(0, sizeAt), 10)).toBe(-1);
  });

  test('a view draws the rows it shows and the overscan on either side, none of an empty list', () => {
    const offsets = rowOffsets(1000, () => 40);
    expect(shownRange(offsets, 4000, 400, 80)).toEqual([98, 112]);
    expect(shownRange(offsets, 0, 400, 80)).toEqual([0, 12]);
    expect(shownRange(offsets, 39_800, 400, 80)).toEqual([993, 999]);
    expect(shownRange(rowOffsets(0, () => 40), 0, 400, 80)).toBeNull();
  });

  test('a moving view draws the overscan ahead of it only', () => {
    const offsets = rowOffsets(1000, () => 40);
    expect(shownRange(offsets, 4000, 400, 80, 'down')).toEqual([100, 112]);
    expect(shownRange(offsets, 4000, 400, 80, 'up')).toEqual([98, 110]);
    expect(shownRange(offsets, 4000, 400, 80, 'still')).toEqual([98, 112]);
  });
});

describe('the element each drawn row takes', () => {
  const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, at) => first + at);

  test('a row still drawn keeps its element; a row scrolled in takes one a row scrolled out left', () => {
    const first = assignSlots(new Map(), range(0, 9));
    expect([...first.values()]).toEqual(range(0, 9));
    const next = assignSlots(first, range(3, 12));
    for (const index of range(3, 9)) expect(next.get(index)).toBe(first.get(index));
    expect([10, 11, 12].map((index) => next.get(index))).toEqual([0, 1, 2]);
  });

  test('a screen’s jump reuses every element, and no two drawn rows ever share one', () => {
    let slots = assignSlots(new Map(), range(0, 19));
    for (const [first, last] of [[20, 39], [35, 60], [61, 70], [0, 30], [500, 505], [2, 2]] as const) {
      const before = new Set(slots.values());
      slots = assignSlots(slots, range(first, last));
      const used = [...slots.values()];
      expect(new Set(used).size).toBe(last - first + 1);
      // As many elements as before are reused; only a range grown past them adds new ones, numbered on.
      const fresh = used.filter((slot) => !before.has(slot));
      expect(fresh.length).toBe(Math.max(0, last - first + 1 - before.size));
      expect(Math.max(...used)).toBeLessThan(Math.max(before.size, last - first + 1));
    }
  });

  test('the row kept drawn far from the view keeps its element as the view moves', () => {
    let slots = assignSlots(new Map(), [...range(0, 9)]);
    const kept = slots.get(4);
    slots = assignSlots(slots, [4, ...range(100, 109)]);
    expect(slots.get(4)).toBe(kept);
    expect(new Set(slots.values()).size).toBe(11);
  });
});

describe('where a row scrolled to lands', () => {
  test('nearest: scrolled just enough, not at all when it is in view', () => {
    expect(scrollTopFor(370, 407, 500, 400, 'nearest')).toBe(370);
    expect(scrollTopFor(1000, 1037, 500, 400, 'nearest')).toBe(637);
    expect(scrollTopFor(600, 637, 500, 400, 'nearest')).toBe(500);
  });

  test('center: the row in the middle of the view, never above the list’s top', () => {
    expect(scrollTopFor(1000, 1040, 0, 400, 'center')).toBe(820);
    expect(scrollTopFor(40, 80, 0, 400, 'center')).toBe(0);
  });
});
