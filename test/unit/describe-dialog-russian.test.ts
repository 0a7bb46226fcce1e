// The documented dialog described in Russian: the words change, the data does not.
import { describe, expect, it } from 'vitest';
import sample from '../../main/emulator/data/documented-chat-1777.json' with { type: 'json' };
import type { FieldRow, FieldSection, RawDialog } from '../../main/core/dialog-types';
import { decodeDialog } from '../../main/core/decode/index';
import { describeDialog } from '../../main/core/describe-dialog';
import { compareDialogs } from '../../main/core/dialog-changes';
import { inLanguage } from '../../main/core/i18n';

const ORIGIN = 'https://example.bitrix24.ru';
const documented = (): RawDialog => structuredClone(sample.result);

function describeIn(language: 'en' | 'ru', raw: RawDialog = documented()): FieldSection[] {
  return inLanguage(language, () => describeDialog(raw, decodeDialog(raw, ORIGIN), structuredClone(sample.time)));
}

const rows = (sections: FieldSection[]): FieldRow[] => sections.flatMap((section) => section.rows);
const byPath = (sections: FieldSection[]): Map<string, FieldRow> => new Map(rows(sections).map((row) => [row.path, row]));
const CYRILLIC = /[А-Яа-яЁё]/;

describe('describeDialog in Russian', () => {
  const english = describeIn('en');
  const russian = describeIn('ru');

  it('keeps the same sections, in the same order, with Russian titles', () => {
    expect(russian.map((section) => section.id)).toEqual(english.map((section) => section.id));
    for (const section of russian) expect(section.title, section.id).toMatch(CYRILLIC);
    expect(russian.map((section) => section.title)).toContain('«Скрытый режим»');
  });

  it('labels every row in Russian, except labels that are raw Bitrix24 keys or brand names', () => {
    // The rule: a label may be without Cyrillic only when it is a key exactly as
    // Bitrix24 sends it (an unknown field in "Other fields" is labelled by its
    // key) or a brand name. The documented dialog has neither, so here every
    // label must be Russian; the odd-fields case below shows the exception.
    const exempt = (row: FieldRow): boolean => row.label === row.path || /^(Telegram|WhatsApp|Viber|VK|Facebook|Instagram)\b/.test(row.label);
    for (const row of rows(russian)) {
      if (!exempt(row)) expect(row.label, row.path).toMatch(CYRILLIC);
    }
    expect(rows(russian).filter(exempt)).toEqual([]);

    const odd = describeIn('ru', { ...documented(), new_flag: true });
    const other = odd.find((section) => section.id === 'other');
    expect(other?.title).toBe('Другие поля');
    expect(other?.rows).toEqual([expect.objectContaining({ path: 'new_flag', label: 'new_flag', value: 'да' })]);
    expect(other?.rows[0]?.hint).toMatch(CYRILLIC);
  });

  it('translates the hints too, keeping the raw Bitrix24 keys in them', () => {
    const russianRows = byPath(russian);
    for (const row of rows(russian)) if (row.hint !== undefined) expect(row.hint, row.path).toMatch(CYRILLIC);
    expect(russianRows.get('dialog_id')?.hint).toContain('DIALOG_ID');
    expect(russianRows.get('entity_id')?.hint).toContain('USER_CODE');
    expect(russianRows.get('entity_data_1[5]')?.hint).toContain('SESSION_ID');
  });

  it('shows the same data: every row at the same path, the values unchanged except the words main writes', () => {
    const englishRows = byPath(english);
    const russianRows = byPath(russian);
    expect([...russianRows.keys()]).toEqual([...englishRows.keys()]);

    const differing = [...russianRows.values()]
      .filter((row) => row.value !== englishRows.get(row.path)?.value)
      .map((row) => row.path);
    // Exactly the rows whose value is a word of ours (yes/no, none, nobody, the
    // channel's name, a decoded state), never one the portal sent.
    const booleans = rows(english).filter((row) => row.kind === 'boolean').map((row) => row.path);
    expect(differing.sort()).toEqual(
      [
        ...booleans,
        'entity_id[0]',
        'entity_data_1[7]',
        'entity_data_1[8]',
        'entity_data_1[9]',
        'decoded.entity_data_1.form',
        'entity_data_2.COMPANY',
        'entity_data_2.CONTACT',
        'entity_data_2.DEAL',
        'entity_data_3',
        'mute_list',
        'readed_list[0]',
        'readed_list[0].date',
        'last_message_views.first_viewers[0]',
      ].sort(),
    );
    for (const row of rows(russian)) {
      expect(row.kind, row.path).toBe(englishRows.get(row.path)?.kind);
      expect(row.href, row.path).toBe(englishRows.get(row.path)?.href);
    }
  });

  it('words the decoded values in Russian, keeping brand names and raw values', () => {
    const row = (path: string): FieldRow | undefined => byPath(russian).get(path);
    expect(row('entity_id[0]')).toMatchObject({ label: 'Коннектор', value: 'Онлайн-чат (виджет на сайте) (livechat)' });
    expect(row('entity_data_1[0]')).toMatchObject({ label: 'Привязан к CRM', value: 'да', kind: 'boolean' });
    expect(row('entity_data_1[3]')).toMatchObject({ label: 'Закреплён за оператором', value: 'нет' });
    expect(row('entity_data_1[5]')).toMatchObject({ label: 'ID сессии', value: '343', kind: 'number' });
    expect(row('entity_data_1')?.value).toBe('Y|LEAD|1209|N|N|343|1773682918|0|0|0');
    expect(row('entity_data_2.LEAD')).toMatchObject({ label: 'Лид', value: '1209', kind: 'link' });
    expect(row('entity_data_2.DEAL')).toMatchObject({ label: 'Сделка', value: 'нет' });
    expect(row('entity_data_3')?.value).toBe('выключен (N)');
    expect(row('readed_list[0]')?.value).toBe('Guest (#599) прочитал(а) до сообщения 86101');
    expect(row('owner')?.label).toBe('Ответственный оператор');

    const telegram = describeIn('ru', { ...documented(), entity_id: 'telegrambot|22|1775|599' });
    expect(byPath(telegram).get('entity_id[0]')?.value).toBe('Telegram (telegrambot)');
    const russianDecoded = inLanguage('ru', () => decodeDialog(documented(), ORIGIN));
    expect(russianDecoded.primaryCrm?.label).toBe('Лид 1209');
  });

  it('uses the Russian plural forms in counts', () => {
    const form = (entityData1: string): string | undefined =>
      byPath(describeIn('ru', { ...documented(), entity_data_1: entityData1 })).get('decoded.entity_data_1.form')?.value;
    expect(form('Y')).toBe('неполный: 1 поле из 10');
    expect(form('Y|LEAD|1209')).toBe('неполный: 3 поля из 10');
    expect(form('Y|LEAD|1209|N|N|343|1773682918')).toBe('неполный: 7 полей из 10');
    expect(form('Y|LEAD|1209|N|N|343|1773682918|0|0|0|X|Y')).toBe('неполный: 12 полей (на 2 больше документированных 10)');
  });

  it('describes in English again outside the Russian call: nothing is fixed at module load', () => {
    expect(describeIn('en')).toEqual(english);
    expect(describeDialog(documented(), decodeDialog(documented(), ORIGIN), sample.time)[0]?.title).toBe('Overview');
  });
});

describe('the changes card in Russian', () => {
  const base = { owner: 27, entity_data_1: 'Y|LEAD|1209|N|N|343|1773682918|0|0|0', counter: 0, manager_list: [27] };

  it('says each change in Russian, with the same values; what depends on who asks apart', () => {
    const current = { ...base, entity_data_1: 'Y|LEAD|1209|N|N|344|1773682918|0|0|0', counter: 3, manager_list: [] };
    const russian = inLanguage('ru', () => compareDialogs(base, current, 'T'));
    expect(russian.changes.map((change) => [change.key, change.before, change.after, change.text])).toEqual([
      ['entity_data_1[5]', 343, 344, 'Началась новая сессия: 344 (была 343)'],
      ['manager_list', [27], [], 'Менеджеры: 27 → нет'],
    ]);
    expect(russian.viewerDependent.map((change) => change.text)).toEqual(['Непрочитанные (ваши): 0 → 3']);
    const { owner: _owner, ...withoutOwner } = base;
    expect(inLanguage('ru', () => compareDialogs(withoutOwner, base, 'T').changes)).toEqual([
      { key: 'owner', kind: 'owner', before: null, after: 27, text: 'Сменился ответственный оператор: никто → 27' },
    ]);
  });
});
