// The filter's pure functions, without a browser.
import { expect, it as test } from 'vitest';
import type { FieldSection } from '../../preload/api-contract';
import { filterSections, splitMatches } from '../../renderer/src/lib/filter';

const sections: FieldSection[] = [
  {
    id: 'overview',
    title: 'Overview',
    rows: [
      { path: 'name', label: 'Dialog name', value: 'Green Guest #17', kind: 'text' },
      { path: 'id', label: 'Chat id', value: '1777', kind: 'number' },
    ],
  },
  { id: 'silent', title: 'Silent mode', rows: [{ path: 'entity_data_3', label: 'Silent mode', value: 'off (N)', kind: 'text' }] },
  { id: 'empty', title: 'Empty', rows: [] },
];

test('splitMatches keeps every character and marks each case-insensitive match', () => {
  expect(splitMatches('Session id of session', 'SESSION')).toEqual([
    { text: 'Session', match: true },
    { text: ' id of ', match: false },
    { text: 'session', match: true },
  ]);
  expect(splitMatches('a.b*c', '.b*')).toEqual([
    { text: 'a', match: false },
    { text: '.b*', match: true },
    { text: 'c', match: false },
  ]);
  expect(splitMatches('Пётр Иванов', 'пётр')).toEqual([
    { text: 'Пётр', match: true },
    { text: ' Иванов', match: false },
  ]);
  expect(splitMatches('no match', '  ')).toEqual([{ text: 'no match', match: false }]);
  expect(splitMatches('<img src=x>', 'src')).toEqual([
    { text: '<img ', match: false },
    { text: 'src', match: true },
    { text: '=x>', match: false },
  ]);
});

test('filterSections matches labels, paths, values and display text, and drops empty sections', () => {
  const all = filterSections(sections, '');
  expect(all.total).toBe(3);
  expect(all.shown).toBe(3);
  expect(all.sections.map((s) => s.section.id)).toEqual(['overview', 'silent']);

  expect(filterSections(sections, 'GUEST').sections.map((s) => s.rows.map((r) => r.path))).toEqual([['name']]);
  expect(filterSections(sections, 'entity_data').shown).toBe(1);
  expect(filterSections(sections, ' chat ').shown).toBe(1);
  expect(filterSections(sections, 'nothing')).toEqual({ sections: [], shown: 0, total: 3 });
  expect(filterSections(sections, 'thirteen', (row) => (row.path === 'id' ? 'thirteen' : '')).shown).toBe(1);
});
