import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { compareKeptCopies, dialogTimeline, type KeptCopy } from '../../main/core/dialog-timeline';
import type { RawDialog } from '../../main/core/dialog-types';

const base = (): RawDialog => structuredClone(sample.result) as RawDialog;
const at = (minute: number) => `2026-03-16T10:${String(minute).padStart(2, '0')}:00.000Z`;

// Kept in this order: pinned, then a new operator, then renamed.
const copies: KeptCopy[] = [
  { fetchedAt: at(1), dialog: base() },
  { fetchedAt: at(2), dialog: { ...base(), entity_data_1: 'Y|LEAD|1209|Y|N|343|1773682918|0|0|0' } },
  { fetchedAt: at(3), dialog: { ...base(), entity_data_1: 'Y|LEAD|1209|Y|N|343|1773682918|0|0|0', owner: 31 } },
  { fetchedAt: at(4), dialog: { ...base(), entity_data_1: 'Y|LEAD|1209|Y|N|343|1773682918|0|0|0', owner: 31, name: 'VIP' } },
];

describe('a dialog\'s timeline', () => {
  it('lists the copies oldest first, each with what changed since the one before', () => {
    const timeline = dialogTimeline(copies, { names: { '31': 'Daniel Kim' } });
    expect(timeline.map((entry) => entry.fetchedAt)).toEqual([at(1), at(2), at(3), at(4)]);
    expect(timeline[0]!.changes).toBeNull();
    expect(timeline.slice(1).map((entry) => [entry.changes!.since, entry.changes!.changes.map((change) => change.text)])).toEqual([
      [at(1), ['Pinned to its operator']],
      [at(2), ['Responsible operator changed: 27 → Daniel Kim (31)']],
      [at(3), ['Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP”']],
    ]);
  });

  it('says an unchanged copy changed nothing', () => {
    const timeline = dialogTimeline([copies[0]!, { fetchedAt: at(9), dialog: base() }]);
    expect(timeline[1]!.changes).toEqual({ since: at(1), changes: [], viewerDependent: [] });
  });

  it('keeps the order the copies were kept in, whatever their dates say', () => {
    const clockBack = [copies[0]!, { ...copies[1]!, fetchedAt: '2026-03-15T00:00:00.000Z' }];
    expect(dialogTimeline(clockBack)[1]!.changes!.changes.map((change) => change.kind)).toEqual(['pinned']);
  });

  it('compares any two copies, from the earlier to the later whichever is named first', () => {
    const forward = compareKeptCopies(copies, at(1), at(4));
    expect(forward?.since).toBe(at(1));
    expect(forward?.changes.map((change) => change.kind)).toEqual(['pinned', 'owner', 'renamed']);
    expect(compareKeptCopies(copies, at(4), at(1))).toEqual(forward);
    expect(compareKeptCopies(copies, at(2), at(2))?.changes).toEqual([]);
  });

  it('answers null when a copy named is not kept', () => {
    expect(compareKeptCopies(copies, at(1), at(7))).toBeNull();
    expect(compareKeptCopies([], at(1), at(1))).toBeNull();
  });
});
