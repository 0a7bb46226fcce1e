import { describe, expect, it } from 'vitest';
import { compareDialogs } from '../../main/core/dialog-changes';

const base = {
  id: 1,
  owner: 27,
  entity_data_1: 'Y|LEAD|1209|N|N|343|1773682918|0|0|0',
  entity_data_2: 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0',
  message_count: 104,
  counter: 0,
  unread_id: 0,
  user_counter: 2,
  manager_list: [27],
};

describe('changed since the previous lookup', () => {
  it('reports nothing for the same dialog, whatever else differs', () => {
    expect(compareDialogs(base, { ...base, name: 'renamed', color: '#000' }, 'T').fields).toEqual([]);
  });

  it('reports each watched field with its old and new value', () => {
    const changes = compareDialogs(base, { ...base, counter: 3, unread_id: 86400, user_counter: 1, manager_list: [27, 31] }, '2026-11-20T10:00:00Z');
    expect(changes.since).toBe('2026-11-20T10:00:00Z');
    expect(changes.fields).toEqual([
      { path: 'counter', label: 'Unread messages (yours)', before: '0', after: '3' },
      { path: 'unread_id', label: 'First unread message (yours)', before: '0', after: '86400' },
      { path: 'user_counter', label: 'Participants with unread messages', before: '2', after: '1' },
      { path: 'manager_list', label: 'Managers', before: '27', after: '27, 31' },
    ]);
  });

  it('reads the session id out of entity_data_1, old 6-field form included', () => {
    const changes = compareDialogs({ ...base, entity_data_1: 'Y|LEAD|56|N|N|1765' }, base, 'T');
    expect(changes.fields).toEqual([{ path: 'entity_data_1[5]', label: 'Session id', before: '1765', after: '343' }]);
  });

  it('says when a field appeared or vanished', () => {
    const { owner: _owner, ...withoutOwner } = base;
    expect(compareDialogs(withoutOwner, base, 'T').fields).toEqual([{ path: 'owner', label: 'Responsible operator', before: '(absent)', after: '27' }]);
    expect(compareDialogs(base, { ...base, manager_list: [] }, 'T').fields[0]).toMatchObject({ before: '27', after: 'none' });
  });
});
