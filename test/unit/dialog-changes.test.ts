import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import { compareDialogs } from '../../main/core/dialog-changes';
import type { Conversation } from '../../main/core/conversation-types';
import type { RawDialog } from '../../main/core/dialog-types';
import { inLanguage } from '../../main/core/i18n';
import { diffJson } from '../../main/core/json-diff';
import { dependsOnViewer } from '../../main/core/viewer-keys';

const documented = (): RawDialog => structuredClone(sample.result) as RawDialog;
const SESSION = 'Y|LEAD|1209|N|N|343|1773682918|0|0|0';

function changed(patch: Record<string, unknown>, context = {}) {
  const base = documented();
  return compareDialogs(base, { ...base, ...patch }, '2026-11-20T10:00:00Z', context);
}

function conversation(status: Conversation['status'], last: { id: string; role: 'client' | 'operator' } | null, extra: Partial<Conversation['timings']> = {}): Conversation {
  return {
    chatId: 1777,
    sessionId: 343,
    messages: [],
    authors: { '599': { id: '599', name: 'Guest', role: 'client', position: null }, '27': { id: '27', name: 'Samantha Johnson', role: 'operator', position: null } },
    rating: { client: null, supervisor: null, supervisorComment: null },
    status,
    timings: {
      start: null,
      firstResponse: null,
      longestClientWait: null,
      lastAuthor: last,
      lastMessageAt: last ? '2026-03-16T20:50:37+01:00' : null,
      clientWaitingSince: null,
      durationSeconds: null,
      kpi: null,
      ...extra,
    },
    fetchedAt: '2026-03-16T20:55:00Z',
  };
}

describe('changes between two copies of a dialog', () => {
  it('reports nothing for the same answer, whatever the order of its keys', () => {
    const base = documented();
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as RawDialog;
    const result = compareDialogs(base, reordered, 'T');
    expect(result).toEqual({ since: 'T', changes: [], viewerDependent: [] });
  });

  it('says each of pinned, waiting, blocked, silent, renamed and lead → deal, not "no changes" (the issue\'s case)', () => {
    const { changes } = changed({
      entity_data_1: 'Y|DEAL|77|Y|Y|343|1773682918|0|1773700000|USER',
      entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|77',
      entity_data_3: 'Y',
      name: 'VIP: Green Guest',
    });
    expect(changes.map((change) => [change.kind, change.text])).toEqual([
      ['crm', 'CRM binding moved: lead 1209 → deal 77'],
      ['pinned', 'Pinned to its operator'],
      ['waiting', 'The session now waits for an automatic action (closed line, after hours, no answer, or reopened after a vote)'],
      ['blocked', 'Blocked (reason: USER), since 2026-03-16T22:26:40.000Z'],
      ['crm', 'CRM bindings: lead 1209 → deal 77'],
      ['silent', 'Silent mode on: operator messages are not sent to the client'],
      ['renamed', 'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”'],
    ]);
    expect(changes.find((change) => change.kind === 'crm')).toMatchObject({ key: 'entity_data_1[1]', before: { type: 'LEAD', id: 1209 }, after: { type: 'DEAL', id: 77 } });
    expect(changes.find((change) => change.kind === 'pinned')).toMatchObject({ key: 'entity_data_1[3]', before: false, after: true });
    expect(changes.find((change) => change.kind === 'blocked')).toMatchObject({ before: null, after: { since: '2026-03-16T22:26:40.000Z', reason: 'USER' } });
  });

  it('says the way back: unpinned, no longer waiting, unblocked, silent off', () => {
    const base = { ...documented(), entity_data_1: 'Y|LEAD|1209|Y|Y|343|1773682918|0|1773700000|DEFAULT', entity_data_3: 'Y' };
    const { changes } = compareDialogs(base, { ...base, entity_data_1: SESSION, entity_data_3: 'N' }, 'T');
    expect(changes.map((change) => change.text)).toEqual([
      'Unpinned from its operator',
      'The session no longer waits for an automatic action',
      'Unblocked',
      'Silent mode off',
    ]);
  });

  it('says a new session started, and a session that ended leaves the dialog without one', () => {
    expect(changed({ entity_data_1: 'Y|LEAD|1209|N|N|350|1773700000|0|0|0' }).changes).toEqual([
      { key: 'entity_data_1[5]', kind: 'session', before: 343, after: 350, text: 'A new session started: 350 (was 343)' },
    ]);
    expect(changed({ entity_data_1: 'Y|LEAD|1209|N|N|0|0|0|0|0' }).changes[0]).toMatchObject({ kind: 'closed', before: 343, after: null, text: 'Session 343 ended: the dialog has no current session' });
  });

  it('names the responsible operator and the managers where the names are known', () => {
    const names = { '27': 'Samantha Johnson', '31': 'Ivan Petrov' };
    const { changes } = changed({ owner: 31, manager_list: [27, 31] }, { names });
    expect(changes).toEqual([
      { key: 'owner', kind: 'owner', before: 27, after: 31, text: 'Responsible operator changed: Samantha Johnson (27) → Ivan Petrov (31)' },
      { key: 'manager_list', kind: 'managers', before: [27], after: [27, 31], text: 'Managers: Samantha Johnson (27) → Samantha Johnson (27), Ivan Petrov (31)' },
    ]);
    expect(changed({ owner: 0 }).changes[0]!.text).toBe('Responsible operator changed: 27 → nobody');
  });

  it('counts new messages as one change, and says who wrote last once the conversation is known', () => {
    const plain = changed({ message_count: 107, last_message_id: 86320 }).changes;
    expect(plain).toEqual([{ key: 'message_count', kind: 'messages', before: 104, after: 107, text: '3 new messages' }]);
    const told = changed({ message_count: 105 }, { conversations: { before: null, after: conversation('clientWaiting', { id: '599', role: 'client' }) } }).changes;
    expect(told[0]!.text).toBe('1 new message; the last from Guest (client) at 2026-03-16T20:50:37+01:00');
    // Fewer messages (deleted) is said as the numbers, not as "new".
    expect(changed({ message_count: 100 }).changes[0]!.text).toBe('Messages in the chat: 104 → 100');
  });

  it('says the client is now waiting, and the session closed, from the two copies\' transcripts', () => {
    const waiting = changed({}, { conversations: { before: conversation('operatorAnswered', null), after: conversation('clientWaiting', null, { clientWaitingSince: '2026-03-16T20:40:00+01:00' }) } });
    expect(waiting.changes).toEqual([
      { key: 'conversation.status', kind: 'clientWaiting', before: 'operatorAnswered', after: 'clientWaiting', text: 'The client is now waiting, since 2026-03-16T20:40:00+01:00' },
    ]);
    const closed = changed({}, { conversations: { before: conversation('clientWaiting', null), after: conversation('closed', null) } });
    expect(closed.changes.map((change) => [change.kind, change.text])).toEqual([['closed', 'The session was closed']]);
    // Without the earlier transcript nothing is claimed.
    expect(changed({}, { conversations: { before: null, after: conversation('closed', null) } }).changes).toEqual([]);
  });

  it('lists any other key, nested ones included, with its old and new value', () => {
    const base = documented();
    const { changes } = changed({
      color: '#000000',
      entity_link: { ...(base['entity_link'] as object), url: 'https://t.me/guest' },
      last_message_views: { message_id: 86313, first_viewers: [], count_of_viewers: 2 },
      brand_new: { deep: [1, 2] },
    });
    expect(changes.map((change) => [change.key, change.kind, change.text])).toEqual([
      ['color', 'field', 'Colour: #58cc47 → #000000'],
      ['entity_link.url', 'field', 'entity_link.url:  → https://t.me/guest'],
      ['last_message_views.first_viewers', 'field', expect.stringMatching(/^last_message_views\.first_viewers: \[\{"user_id":27.*\}\] → none$/)],
      ['last_message_views.count_of_viewers', 'field', 'last_message_views.count_of_viewers: 0 → 2'],
      ['brand_new', 'field', 'brand_new: (absent) → {"deep":[1,2]}'],
    ]);
    expect(changes.at(-1)).toMatchObject({ before: null, after: { deep: [1, 2] } });
  });

  it('keeps what depends on who asks apart: marked, never a change of the dialog', () => {
    const base = documented();
    const result = changed({
      counter: 3,
      unread_id: 86400,
      last_id: 86100,
      role: 'member',
      permissions: { ...(base['permissions'] as object), can_post: 'owner' },
      restrictions: { ...(base['restrictions'] as object), send: false },
    });
    expect(result.changes).toEqual([]);
    expect(result.viewerDependent.map((change) => [change.key, change.kind])).toEqual([
      ['counter', 'viewer'],
      ['unread_id', 'viewer'],
      ['restrictions.send', 'viewer'],
      ['last_id', 'viewer'],
      ['role', 'viewer'],
      ['permissions.can_post', 'viewer'],
    ]);
    expect(result.viewerDependent[0]!.text).toBe('Unread messages (yours): 0 → 3');
  });

  it('reads entity_data_1 by position, so the older 6-field form of the same session is no change', () => {
    const legacy = { ...documented(), entity_data_1: 'Y|LEAD|1209|N|N|343' };
    const { changes } = compareDialogs(legacy, documented(), 'T');
    // Only the start date, which the older form did not carry, is new.
    expect(changes).toEqual([
      { key: 'entity_data_1[6]', kind: 'field', before: null, after: '2026-03-16T17:41:58.000Z', text: 'Session started: — → 2026-03-16T17:41:58.000Z' },
    ]);
  });

  it('says a packed field that is not a string any more as its old and new value', () => {
    expect(changed({ entity_data_1: null }).changes).toEqual([
      { key: 'entity_data_1', kind: 'field', before: SESSION, after: null, text: `entity_data_1: ${SESSION} → —` },
    ]);
  });

  it('speaks Russian in a Russian call, keys and values as sent', () => {
    const names = { '27': 'Саманта Джонсон', '31': 'Иван Петров' };
    const result = inLanguage('ru', () =>
      changed({ owner: 31, entity_data_1: 'Y|DEAL|77|Y|N|344|1773682918|0|0|0', message_count: 109, counter: 5 }, { names }),
    );
    expect(result.changes.map((change) => change.text)).toEqual([
      'Началась новая сессия: 344 (была 343)',
      'Привязка к CRM перенесена: лид 1209 → сделка 77',
      'Закреплён за оператором',
      'Сменился ответственный оператор: Саманта Джонсон (27) → Иван Петров (31)',
      '5 новых сообщений',
    ]);
    expect(result.viewerDependent[0]!.text).toBe('Непрочитанные (ваши): 0 → 5');
  });
});

describe('the whole-answer comparison underneath', () => {
  it('walks into objects and compares lists whole', () => {
    expect(diffJson({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { b: 2, c: [2, 1] }, d: 1 })).toEqual([
      { key: 'a.b', before: 1, after: 2 },
      { key: 'a.c', before: [1, 2], after: [2, 1] },
    ]);
  });

  it('treats an object appearing or vanishing as one change', () => {
    expect(diffJson({}, { x: { y: 1 } })).toEqual([{ key: 'x', before: undefined, after: { y: 1 } }]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(diffJson({ restrictions: { 'a b': true } }, { restrictions: { 'a b': false } })[0]!.key).toBe('restrictions["a b"]');
  });

  it('knows which keys depend on who asks', () => {
    expect(['counter', 'unread_id', 'last_id', 'marked_id', 'role', 'text_field_enabled', 'permissions.can_post', 'restrictions["a b"]'].every(dependsOnViewer)).toBe(true);
    expect(['user_counter', 'last_message_id', 'owner', 'readed_list', 'counters'].some(dependsOnViewer)).toBe(false);
  });
});
