// The arithmetic of a virtual list (RecycledList): where each row starts,
// which rows a scroll position shows, and which of the drawn rows' elements
// (slots) each shown row takes. A row scrolled out hands its slot to a row
// scrolled in, so scrolling updates a few elements in place instead of making
// and dropping them: made and dropped by the screenful, rows left the
// renderer's young heap to be copied and promoted, and its scavenges grew
// into long tasks (measured at a screen a frame: 28 ms a scavenge in the
// overview's table, 17 ms in a conversation).

/** Where each of `count` rows starts, and after the last, where the list ends: `count + 1` offsets. */
export function rowOffsets(count: number, sizeAt: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let index = 0; index < count; index++) offsets[index + 1] = offsets[index]! + sizeAt(index);
  return offsets;
}

/** The row at `y` (the last one starting at or above it), within the list's rows; -1 when there are none. */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return -1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Which way the view last moved: the overscan is drawn on that side only, where rows come from. */
export type Heading = 'up' | 'down' | 'still';

/**
 * The rows drawn for a view of `height` from `top`, `overscan` px more ahead
 * of the view (both sides while it is still): first and last, inclusive; null
 * when there are none. Nothing behind a moving view, since rows that just
 * left it are not coming back, and in a fast scroll every row drawn is laid
 * out anew each frame.
 */
export function shownRange(offsets: Float64Array, top: number, height: number, overscan: number, heading: Heading = 'still'): [number, number] | null {
  if (offsets.length <= 1) return null;
  const above = heading === 'down' ? 0 : overscan;
  const below = heading === 'up' ? 0 : overscan;
  return [rowAt(offsets, top - above), rowAt(offsets, top + Math.max(0, height) + below)];
}

/**
 * The slot each of `indexes` (distinct) is drawn in: a row drawn before keeps
 * its slot; a new row takes a slot a departed row left, the lowest first,
 * then the lowest unused number. Two rows never share a slot, however the
 * range moves or grows.
 */
export function assignSlots(previous: ReadonlyMap<number, number>, indexes: readonly number[]): Map<number, number> {
  const next = new Map<number, number>();
  const taken = new Set<number>();
  for (const index of indexes) {
    const slot = previous.get(index);
    if (slot !== undefined) {
      next.set(index, slot);
      taken.add(slot);
    }
  }
  const freed = [...previous.values()].filter((slot) => !taken.has(slot)).sort((a, b) => a - b);
  let fresh = 0;
  for (const index of indexes) {
    if (next.has(index)) continue;
    let slot = freed.shift();
    if (slot === undefined) {
      while (taken.has(fresh)) fresh++;
      slot = fresh;
    }
    next.set(index, slot);
    taken.add(slot);
  }
  return next;
}

/** Where `align` puts the row from `start` to `end` in a view of `height` now scrolled to `top`: the new top. */
export function scrollTopFor(start: number, end: number, top: number, height: number, align: 'nearest' | 'center'): number {
  if (align === 'center') return Math.max(0, start - (height - (end - start)) / 2);
  if (start < top) return start;
  if (end > top + height) return Math.max(0, end - height);
  return top;
}
