// The timeline tab's arithmetic: newest first, two copies picked at most,
// and the pair compared from the earlier kept to the later.
import { describe, expect, it } from 'vitest';
import type { TimelineCopy } from '../../preload/api-contract';
import { comparedPair, newestFirst, togglePick } from '../../renderer/src/lib/timeline-model';

const copy = (fetchedAt: string): TimelineCopy => ({ fetchedAt, sessionId: 343, changes: null });
// Kept in this order; the clock was put back before the third, so its stamp sorts first.
const COPIES = [copy('2026-12-07T09:00:00.000Z'), copy('2026-12-07T10:00:00.000Z'), copy('2026-12-07T08:30:00.000Z')];

describe('the timeline tab', () => {
  it('lists the copies newest kept first, in the order the store kept them, not by their stamps', () => {
    expect(newestFirst(COPIES).map((one) => one.fetchedAt)).toEqual(['2026-12-07T08:30:00.000Z', '2026-12-07T10:00:00.000Z', '2026-12-07T09:00:00.000Z']);
    expect(COPIES[0]!.fetchedAt).toBe('2026-12-07T09:00:00.000Z');
  });

  it('keeps two copies picked at most: a third lets go of the one picked first, a second click unpicks', () => {
    let picked = togglePick([], 'a');
    picked = togglePick(picked, 'b');
    expect(picked).toEqual(['a', 'b']);
    expect(togglePick(picked, 'c')).toEqual(['b', 'c']);
    expect(togglePick(picked, 'a')).toEqual(['b']);
  });

  it('compares the pair from the earlier kept to the later, whichever was picked first', () => {
    const [first, second, third] = COPIES.map((one) => one.fetchedAt) as [string, string, string];
    expect(comparedPair(COPIES, [third, first])).toEqual({ from: first, to: third });
    expect(comparedPair(COPIES, [second, first])).toEqual({ from: first, to: second });
    expect(comparedPair(COPIES, [second])).toBeNull();
    expect(comparedPair(COPIES, [second, '2001-01-01T00:00:00.000Z'])).toBeNull();
  });
});
