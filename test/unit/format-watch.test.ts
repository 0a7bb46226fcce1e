import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { formatLookup } from '../../main/cli/format-human';
import { watchJsonLine, watchNotice, watchTextLines } from '../../main/cli/format-watch';
import { compareDialogs } from '../../main/core/dialog-changes';
import type { RawDialog } from '../../main/core/dialog-types';
import { errorEnvelope } from '../../main/core/error-codes';
import { parseIdentifier } from '../../main/core/identifier';
import { presentDialog } from '../../main/core/lookup';

const base = (): RawDialog => structuredClone(sample.result) as RawDialog;
const AT = '2026-03-16T19:54:38.423Z';

function changedEvent(patch: Record<string, unknown>) {
  const { changes } = compareDialogs(base(), { ...base(), ...patch }, 'T');
  return { type: 'changed' as const, input: 'chat1777', chatId: 1777, at: AT, changes };
}

describe("watch's output", () => {
  it('writes one line per change, with when and which chat', () => {
    const lines = watchTextLines(changedEvent({ entity_data_3: 'Y', owner: 31 }));
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.split('  chat1777  ')[1])).toEqual([
      'Responsible operator changed: 27 → 31',
      'Silent mode on: operator messages are not sent to the client',
    ]);
    expect(lines[0]).toMatch(/^\d{1,2} Mar 2026, \d{2}:\d{2}:\d{2}/);
  });

  it('cannot be driven by a name from the portal: a new line or an escape in it is shown, not obeyed', () => {
    const [line, ...rest] = watchTextLines(changedEvent({ name: 'VIP\n2026 chat1 Unblocked\u001b[2J' }));
    expect(rest).toEqual([]);
    expect(line).toContain('VIP\\u000a2026 chat1 Unblocked\\u001b[2J');
  });

  it('writes --json as one object on one line, with the keys other tools read', () => {
    const line = watchJsonLine(changedEvent({ name: 'VIP\nline two' }));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      chatId: 1777,
      at: AT,
      changes: [{ key: 'name', kind: 'renamed', before: 'Green Guest #17 - Bitrix24 Documentation', after: 'VIP\nline two', text: 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP\nline two”' }],
    });
  });

  it('says trouble on stderr with the error\'s words, and that the watch goes on', () => {
    const notice = watchNotice({ type: 'portal-failed', error: errorEnvelope('PORTAL_UNREACHABLE') });
    expect(notice).toMatch(/\[PORTAL_UNREACHABLE\]/);
    expect(notice).toMatch(/Still watching: asked again at every refresh\.$/);
    expect(watchNotice({ type: 'seen', input: '1777', chatId: 1777, at: AT })).toBe('Watching 1777 (chat1777)');
    expect(watchNotice(changedEvent({ owner: 31 }))).toBeNull();
  });
});

describe("lookup's changes in the terminal", () => {
  it('prints each change in words and names what depends on who asks apart', () => {
    const portal = { origin: 'https://example.bitrix24.com', host: 'example.bitrix24.com', demo: false };
    const presented = presentDialog(parseIdentifier('chat1777', 'chat'), portal, base(), null, AT);
    const changes = compareDialogs(base(), { ...base(), entity_data_1: 'Y|LEAD|1209|Y|N|343|1773682918|0|0|0', counter: 3 }, AT);
    const text = formatLookup({ ...presented, changes, elapsedMs: 1 });
    expect(text).toContain('\n    Pinned to its operator\n');
    expect(text).toContain('\n  Also differ, as they depend on who asks (not changes of the dialog): counter\n');
    expect(text).not.toContain('No changes');
  });
});
