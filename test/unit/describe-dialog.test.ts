import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import type { FieldRow, FieldSection, RawDialog, TimeBlock } from '../../main/core/dialog-types';
import { decodeDialog } from '../../main/core/decode/index';
import { NULL_TEXT, describeDialog } from '../../main/core/describe-dialog';

const ORIGIN = 'https://example.bitrix24.com';
const documented = (): RawDialog => structuredClone(sample.result);
const documentedTime = (): TimeBlock => structuredClone(sample.time);

function describeRaw(raw: RawDialog, time: TimeBlock | null = documentedTime(), origin: string | null = ORIGIN): FieldSection[] {
  return describeDialog(raw, decodeDialog(raw, origin), time);
}

const allRows = (sections: FieldSection[]): FieldRow[] => sections.flatMap((s) => s.rows);

function rowAt(sections: FieldSection[], path: string): FieldRow {
  const row = allRows(sections).find((r) => r.path === path);
  if (row === undefined) throw new Error(`no row at ${path}`);
  return row;
}

function section(sections: FieldSection[], id: string): FieldSection {
  const found = sections.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
}

// An independent walk of the raw JSON, in the same path syntax the rows use.
interface Leaf {
  path: string;
  value: unknown;
}
const IDENT = /^[A-Za-z_$][\w$]*$/;
function child(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENT.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}
function leaves(value: unknown, path: string): Leaf[] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [{ path, value }] : value.flatMap((item, i) => leaves(item, child(path, i)));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [{ path, value }] : entries.flatMap(([k, v]) => leaves(v, child(path, k)));
  }
  return [{ path, value }];
}

const isAncestor = (ancestor: string, path: string): boolean =>
  path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);

function leafText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * A leaf is covered by a row at its own path, by a 'json' row above it, or by a
 * row above it whose label or value carries the leaf's text (so filtering finds it).
 */
function uncovered(raw: Record<string, unknown>, prefix: string, rows: FieldRow[]): string[] {
  return leaves(raw, prefix)
    .filter(({ path, value }) => {
      if (rows.some((r) => r.path === path)) return false;
      return !rows.some(
        (r) =>
          isAncestor(r.path, path) &&
          (r.kind === 'json' || value === null || r.value.includes(leafText(value)) || r.label.includes(leafText(value))),
      );
    })
    .map((leaf) => leaf.path);
}

describe('describeDialog: the documented answer', () => {
  const sections = describeRaw(documented());

  it('has the stable sections in order, each titled', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'overview',
      'channel',
      'session',
      'crm',
      'silent',
      'people',
      'caller',
      'technical',
      'time',
    ]);
    for (const s of sections) expect(s.title.length).toBeGreaterThan(3);
  });

  it('decodes the channel', () => {
    expect(rowAt(sections, 'entity_id[0]')).toMatchObject({ label: 'Connector', value: 'Live chat (website widget) (livechat)' });
    expect(rowAt(sections, 'entity_id[1]')).toMatchObject({ label: 'Open line id', value: '22', kind: 'number' });
    expect(rowAt(sections, 'entity_id[2]')).toMatchObject({ label: 'Chat id in the channel', value: '1775', kind: 'text' });
    expect(rowAt(sections, 'entity_id[3]')).toMatchObject({ value: '599', kind: 'number' });
    expect(rowAt(sections, 'entity_id[3]').hint).toContain('groups by chat');
    expect(rowAt(sections, 'entity_id')).toMatchObject({ value: 'livechat|22|1775|599', kind: 'text' });
    expect(rowAt(sections, 'entity_link.id').value).toBe('livechat|22|1775|599');
  });

  it('decodes every position of the session string', () => {
    expect(rowAt(sections, 'entity_data_1[0]')).toMatchObject({ label: 'CRM bound', value: 'yes', kind: 'boolean' });
    expect(rowAt(sections, 'entity_data_1[1]')).toMatchObject({ value: 'LEAD' });
    expect(rowAt(sections, 'entity_data_1[2]')).toMatchObject({
      value: '1209',
      kind: 'link',
      href: `${ORIGIN}/crm/lead/details/1209/`,
    });
    expect(rowAt(sections, 'entity_data_1[3]')).toMatchObject({ label: 'Pinned to operator', value: 'no', kind: 'boolean' });
    expect(rowAt(sections, 'entity_data_1[3]').hint).toContain('field 4 of 10');
    expect(rowAt(sections, 'entity_data_1[4]')).toMatchObject({ label: 'Waiting for an automatic action', value: 'no' });
    expect(rowAt(sections, 'entity_data_1[5]')).toMatchObject({ label: 'Session id', value: '343', kind: 'number' });
    expect(rowAt(sections, 'entity_data_1[6]')).toMatchObject({
      label: 'Session started',
      value: '2026-03-16T17:41:58.000Z',
      kind: 'date',
    });
    expect(rowAt(sections, 'entity_data_1[7]').value).toContain('22');
    expect(rowAt(sections, 'entity_data_1[8]')).toMatchObject({ label: 'Blocked since', value: 'not blocked' });
    expect(rowAt(sections, 'entity_data_1[9]')).toMatchObject({ label: 'Block reason', value: 'none' });
    expect(rowAt(sections, 'decoded.entity_data_1.form').value).toBe('current 10-field form');
  });

  it('decodes CRM bindings and silent mode', () => {
    expect(rowAt(sections, 'entity_data_2.LEAD')).toMatchObject({
      label: 'Lead',
      value: '1209',
      kind: 'link',
      href: `${ORIGIN}/crm/lead/details/1209/`,
    });
    for (const type of ['COMPANY', 'CONTACT', 'DEAL']) {
      expect(rowAt(sections, `entity_data_2.${type}`)).toMatchObject({ value: 'none' });
      expect(rowAt(sections, `entity_data_2.${type}`).href).toBeUndefined();
    }
    expect(rowAt(sections, 'entity_data_3')).toMatchObject({ label: 'Silent mode', value: 'off (N)' });
  });

  it('renders each reader and viewer like every other row: a label, then who and when as values', () => {
    expect(rowAt(sections, 'readed_list[0]')).toMatchObject({
      label: 'Reader 1',
      value: 'Guest (#599) read up to message 86101',
      kind: 'text',
    });
    expect(rowAt(sections, 'readed_list[0].date')).toMatchObject({ label: 'Reader 1 › date', value: 'time unknown', kind: 'text' });
    expect(rowAt(sections, 'last_message_views.first_viewers[0]')).toMatchObject({
      label: 'First viewer 1',
      value: 'Samantha Johnson (#27) viewed it',
      kind: 'text',
    });
    expect(rowAt(sections, 'last_message_views.first_viewers[0].date')).toMatchObject({
      label: 'First viewer 1 › date',
      value: '2026-03-16T20:50:37+01:00',
      kind: 'date',
    });
    expect(rowAt(sections, 'manager_list').value).toBe('27');
    expect(rowAt(sections, 'mute_list').value).toBe('nobody');
  });

  it('uses the documented value representations', () => {
    expect(rowAt(sections, 'description')).toMatchObject({ value: NULL_TEXT, kind: 'null' });
    expect(NULL_TEXT).toBe('—');
    expect(rowAt(sections, 'extranet')).toMatchObject({ value: 'no', kind: 'boolean' });
    expect(rowAt(sections, 'text_field_enabled')).toMatchObject({ value: 'yes', kind: 'boolean' });
    expect(rowAt(sections, 'id')).toMatchObject({ value: '1777', kind: 'number' });
    expect(rowAt(sections, 'date_create')).toMatchObject({ value: '2026-03-13T16:50:15+01:00', kind: 'date' });
    expect(rowAt(sections, 'owner').label).toBe('Responsible operator');
    expect(rowAt(sections, 'message_type').hint).toContain('open-line');
  });

  it('describes the time block, converting unix seconds to ISO UTC', () => {
    expect(rowAt(sections, 'time.operating_reset_at')).toMatchObject({ value: '2026-03-16T18:04:38.000Z', kind: 'date' });
    expect(rowAt(sections, 'time.operating').hint).toContain('480 s per 10 minutes');
    expect(rowAt(sections, 'time.duration')).toMatchObject({ value: '0.423382043838501', kind: 'number' });
    expect(rowAt(sections, 'time.date_start')).toMatchObject({ value: '2026-03-16T20:54:38+01:00', kind: 'date' });
    expect(rowAt(sections, 'time.finish').value).toBe('2026-03-16T17:54:38.423Z');
  });

  it('covers every leaf of the answer and of the time block', () => {
    const rows = allRows(sections);
    expect(uncovered(documented(), '', rows)).toEqual([]);
    expect(uncovered(documentedTime(), 'time', rows)).toEqual([]);
  });

  it('gives every row a unique path and a label', () => {
    const rows = allRows(sections);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    for (const row of rows) expect(row.label).not.toBe('');
  });

  it('flags exactly the caller-dependent fields', () => {
    const caller = section(sections, 'caller');
    expect(caller.rows.map((r) => r.path)).toEqual(
      expect.arrayContaining(['counter', 'unread_id', 'role', 'text_field_enabled', 'permissions.can_post', 'restrictions.send']),
    );
    expect(caller.rows.every((r) => r.callerDependent === true)).toBe(true);
    const others = sections.filter((s) => s.id !== 'caller').flatMap((s) => s.rows);
    expect(others.some((r) => r.callerDependent)).toBe(false);
    expect(rowAt(sections, 'permissions.manage_settings')).toMatchObject({ value: 'owner', kind: 'text' });
    expect(rowAt(sections, 'restrictions.user_list')).toMatchObject({ value: 'yes', kind: 'boolean' });
  });

  it('leaves links out without a portal origin', () => {
    const noOrigin = describeRaw(documented(), null, null);
    expect(rowAt(noOrigin, 'entity_data_2.LEAD')).toMatchObject({ value: '1209', kind: 'number' });
    expect(rowAt(noOrigin, 'entity_data_1[2]').kind).toBe('number');
    expect(noOrigin.some((s) => s.id === 'time')).toBe(false);
  });
});

describe('describeDialog: unknown and odd fields', () => {
  function oddDialog(): RawDialog {
    const raw = documented();
    raw['new_flag'] = true;
    raw['odd key'] = 'x';
    raw['nested_unknown'] = { a: [1, { b: null }], c: [], d: {} };
    raw['deep'] = { l1: { l2: { l3: { l4: { l5: { l6: { l7: 'bottom' } } } } } } };
    (raw['restrictions'] as Record<string, unknown>)['react'] = false;
    (raw['permissions'] as Record<string, unknown>)['manage_new'] = 'owner';
    raw['readed_list'] = [
      { user_id: 1, user_name: 'Ann', message_id: 5, date: '2026-03-16T20:50:37+01:00', avatar: 'a.png' },
      42,
      { user_id: 2 },
    ];
    raw['last_message_views'] = { message_id: 9, first_viewers: [], count_of_viewers: 3, extra: { x: 1 } };
    raw['entity_link'] = { type: 'LINES', url: 'https://evil.example/', id: 'x', more: [true] };
    raw['manager_list'] = [27, { id: 31 }];
    return raw;
  }
  const time: TimeBlock = { ...documentedTime(), new_time: 3, nested: { q: 'r' } };
  const sections = describeRaw(oddDialog(), time);
  const rows = allRows(sections);

  it('covers every leaf, known or not', () => {
    expect(uncovered(oddDialog(), '', rows)).toEqual([]);
    expect(uncovered({ ...time }, 'time', rows)).toEqual([]);
  });

  it('puts unknown top-level fields in "other", flattened', () => {
    const other = section(sections, 'other');
    expect(other.rows.map((r) => r.path)).toEqual([
      'new_flag',
      '["odd key"]',
      'nested_unknown.a[0]',
      'nested_unknown.a[1].b',
      'nested_unknown.c',
      'nested_unknown.d',
      expect.stringMatching(/^deep\./),
    ]);
    expect(rowAt(sections, 'new_flag')).toMatchObject({ value: 'yes', kind: 'boolean' });
    expect(rowAt(sections, 'nested_unknown.c')).toMatchObject({ value: '[]', kind: 'json' });
    expect(rowAt(sections, 'nested_unknown.a[1].b')).toMatchObject({ value: NULL_TEXT, kind: 'null' });
    const deep = other.rows.at(-1);
    expect(deep?.kind).toBe('json');
    expect(deep?.value).toContain('bottom');
  });

  it('keeps unknown keys inside known objects next to their siblings', () => {
    expect(rowAt(sections, 'restrictions.react')).toMatchObject({ value: 'no', callerDependent: true });
    expect(rowAt(sections, 'permissions.manage_new')).toMatchObject({ value: 'owner', callerDependent: true });
    expect(rowAt(sections, 'readed_list[0].avatar').value).toBe('a.png');
    expect(rowAt(sections, 'readed_list[1]').value).toBe('42');
    expect(rowAt(sections, 'readed_list[2]')).toMatchObject({ label: 'Reader 3', value: '(no name) (#2) read up to message ?' });
    expect(rowAt(sections, 'readed_list[2].date').value).toBe('time unknown');
    expect(rowAt(sections, 'last_message_views.extra.x').value).toBe('1');
    expect(rowAt(sections, 'last_message_views.first_viewers').value).toBe('none');
    expect(rowAt(sections, 'entity_link.more[0]').value).toBe('yes');
    expect(rowAt(sections, 'manager_list[1].id').value).toBe('31');
    expect(rowAt(sections, 'time.new_time').value).toBe('3');
  });

  it('never turns a URL sent by the channel into a link', () => {
    expect(rowAt(sections, 'entity_link.url')).toMatchObject({ value: 'https://evil.example/', kind: 'text' });
    expect(rowAt(sections, 'entity_link.url').href).toBeUndefined();
  });
});

describe('describeDialog: untrusted text', () => {
  it('passes markup in names through unchanged', () => {
    const markup = '<img src=x onerror="alert(1)"> & [b]Bold[/b] &amp;';
    const raw = documented();
    raw['name'] = markup;
    raw['readed_list'] = [{ user_id: 5, user_name: markup, message_id: 1, date: null }];
    raw['entity_id'] = '<b>x</b>|1|2|3';
    const sections = describeRaw(raw);
    expect(rowAt(sections, 'name').value).toBe(markup);
    expect(rowAt(sections, 'readed_list[0]').value).toBe(`${markup} (#5) read up to message 1`);
    expect(rowAt(sections, 'entity_id[0]').value).toBe('custom connector <b>x</b>');
  });
});

describe('describeDialog: other forms of the packed strings', () => {
  it('names the older 6-field session form and shows only its positions', () => {
    const raw = { ...documented(), entity_data_1: 'Y|LEAD|56|N|N|1765' };
    const sections = describeRaw(raw);
    expect(rowAt(sections, 'decoded.entity_data_1.form').value).toBe('older 6-field form');
    expect(rowAt(sections, 'entity_data_1[5]').value).toBe('1765');
    expect(allRows(sections).some((r) => r.path === 'entity_data_1[6]')).toBe(false);
  });

  it('shows unreadable positions as sent, and extra positions', () => {
    const raw = { ...documented(), entity_data_1: 'X|LEAD|abc|N|N|12x|soon|0|0|0|EXTRA' };
    const sections = describeRaw(raw);
    expect(rowAt(sections, 'entity_data_1[0]').hint).toContain('Sent as "X"');
    expect(rowAt(sections, 'entity_data_1[2]')).toMatchObject({ value: 'abc', kind: 'text' });
    expect(rowAt(sections, 'entity_data_1[5]')).toMatchObject({ value: '12x', kind: 'text' });
    expect(rowAt(sections, 'entity_data_1[6]')).toMatchObject({ value: 'soon', kind: 'text' });
    expect(rowAt(sections, 'entity_data_1[10]')).toMatchObject({ value: 'EXTRA', label: 'Extra field 11' });
    expect(rowAt(sections, 'decoded.entity_data_1.form').value).toContain('partial');
  });

  it('does not decode the widget-side LIVECHAT layout, but still shows it', () => {
    const raw = { ...documented(), entity_type: 'LIVECHAT', entity_data_1: 'Y|86101|1773682918|343|N|N|Y' };
    const session = section(describeRaw(raw), 'session');
    expect(session.rows.map((r) => r.path)).toEqual(['decoded.entity_data_1.form', 'entity_data_1']);
    expect(session.rows[0]?.value).toContain('LIVECHAT');
    expect(session.rows[1]?.value).toBe('Y|86101|1773682918|343|N|N|Y');
  });

  it('shows an unknown CRM pair and an odd trailing element', () => {
    const raw = { ...documented(), entity_data_2: 'LEAD|0|SMART|44|DEAL' };
    const sections = describeRaw(raw);
    expect(rowAt(sections, 'entity_data_2[2]')).toMatchObject({ label: 'Other binding: SMART', value: '44', kind: 'number' });
    expect(rowAt(sections, 'entity_data_2.DEAL')).toMatchObject({ value: 'no id', kind: 'text' });
    expect(rowAt(sections, 'entity_data_2.LEAD').value).toBe('none');
  });

  it('says silent mode is on, not set, or unrecognised', () => {
    const value = (v: string): string => rowAt(describeRaw({ ...documented(), entity_data_3: v }), 'entity_data_3').value;
    expect(value('Y')).toBe('on (Y)');
    expect(value('')).toBe('not set');
    expect(value('Q')).toBe('unrecognised: Q');
  });

  it('flags a malformed user code and keeps its parts', () => {
    const sections = describeRaw({ ...documented(), entity_id: 'imol|telegrambot|x|55|7|9' });
    expect(rowAt(sections, 'decoded.entity_id.wellFormed')).toMatchObject({ value: 'no', kind: 'boolean' });
    expect(rowAt(sections, 'entity_id[1]').value).toBe('Telegram (telegrambot)');
    expect(rowAt(sections, 'entity_id[2]')).toMatchObject({ value: 'x', kind: 'text' });
    expect(rowAt(sections, 'entity_id[5]').value).toBe('9');
  });

  it('shows non-string packed fields as sent', () => {
    const sections = describeRaw({ ...documented(), entity_data_1: null, entity_data_3: 5, entity_id: ['a'] });
    expect(rowAt(sections, 'entity_data_1')).toMatchObject({ kind: 'null', value: NULL_TEXT });
    expect(rowAt(sections, 'entity_data_3')).toMatchObject({ kind: 'number', value: '5' });
    expect(rowAt(sections, 'entity_id[0]').value).toBe('a');
  });

  it('survives an empty answer', () => {
    expect(describeDialog({}, decodeDialog({}, null), null)).toEqual([]);
  });
});
