// Users named wherever an id appears: the answer's own names first, then the
// account's directory; the same operator reads the same in every dialog.
import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import type { FieldRow, FieldSection, RawDialog } from '../../main/core/dialog-types';
import { decodeDialog } from '../../main/core/decode/index';
import { describeDialog } from '../../main/core/describe-dialog';
import { namesForDialog, namesInDialog, userIdsIn } from '../../main/core/user-names';

const documented = (): RawDialog => structuredClone(sample.result);

function rowAt(raw: RawDialog, path: string, known = {}): FieldRow {
  const sections: FieldSection[] = describeDialog(raw, decodeDialog(raw, null), null, namesForDialog(raw, known));
  const row = sections.flatMap((section) => section.rows).find((candidate) => candidate.path === path);
  if (row === undefined) throw new Error(`no row at ${path}`);
  return row;
}

describe('user names', () => {
  it('takes every name the answer gives, and every id it mentions', () => {
    const raw = documented();
    expect(namesInDialog(raw)['27']).toBe('Samantha Johnson');
    expect(userIdsIn(raw)).toContain('27');
    expect(userIdsIn({ owner: 0, manager_list: ['31', 'x', -2, 31], mute_list: [44] })).toEqual(['31', '44']);
  });

  it('names the responsible operator and the managers with the name the answer gives them elsewhere', () => {
    const raw = documented();
    expect(rowAt(raw, 'owner')).toMatchObject({ value: 'Samantha Johnson (#27)', kind: 'text', people: [{ id: '27', name: 'Samantha Johnson' }] });
    expect(rowAt(raw, 'manager_list')).toMatchObject({ value: 'Samantha Johnson (#27)', people: [{ id: '27', name: 'Samantha Johnson' }] });
  });

  it('names an id the answer only numbers from what the account saw before; the answer wins where both name it', () => {
    const raw = { ...documented(), owner: 31, manager_list: [27, 31, 52], mute_list: [52] };
    const known = { '27': 'An older name', '31': 'Priya Patel' };
    expect(rowAt(raw, 'owner', known).value).toBe('Priya Patel (#31)');
    expect(rowAt(raw, 'manager_list', known)).toMatchObject({
      value: 'Samantha Johnson (#27), Priya Patel (#31), 52',
      people: [
        { id: '27', name: 'Samantha Johnson' },
        { id: '31', name: 'Priya Patel' },
        { id: '52', name: null },
      ],
    });
    // Nobody in the list is named: the ids as before, nothing for the page to isolate.
    expect(rowAt(raw, 'mute_list', known)).toMatchObject({ value: '52' });
    expect(rowAt(raw, 'mute_list', known).people).toBeUndefined();
  });

  it('leaves an unnamed operator as the id, and 0 as nobody', () => {
    const raw = { ...documented(), owner: 77 };
    expect(rowAt(raw, 'owner')).toMatchObject({ value: '77', kind: 'number' });
    expect(rowAt({ ...documented(), owner: 0 }, 'owner').value).toBe('0');
  });
});
