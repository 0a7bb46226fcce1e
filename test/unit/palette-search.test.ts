// The command palette's matching and ranking, without a browser.
import { describe, expect, it as test } from 'vitest';
import { foldText, rankEntries, recentDetail, scoreEntry, type PaletteEntry } from '../../renderer/src/lib/palette-search';

const entries: PaletteEntry[] = [
  { id: 'focus', group: 'commands', label: 'Go to the lookup field', keywords: ['search', 'identifier'] },
  { id: 'settings', group: 'commands', label: 'Open settings', keywords: ['preferences', 'theme'] },
  { id: 'shortcuts', group: 'commands', label: 'Show keyboard shortcuts', keywords: ['help', 'keys'] },
  { id: 'history', group: 'commands', label: 'Show history' },
  { id: 'acme', group: 'accounts', label: 'Switch to Acme Résumés', detail: 'acme.bitrix24.de · webhook' },
  { id: 'demo', group: 'accounts', label: 'Switch to the demo portal', detail: 'built in, sample dialogs' },
  { id: 'recent-2', group: 'recent', label: 'chat1777', detail: 'Found · 2 minutes ago' },
  { id: 'recent-1', group: 'recent', label: 'livechat|22|1775|599', detail: 'Offline copy · yesterday' },
  { id: 'recent-0', group: 'recent', label: 'Ёлка Зелёная', detail: 'Found · last week' },
];

const ids = (groups: ReturnType<typeof rankEntries>) => groups.map(({ group, entries: found }) => [group, found.map((entry) => entry.id)]);

describe('foldText', () => {
  test('drops case and accents, and folds compatibility forms', () => {
    expect(foldText('Résumé ÉCOLE')).toBe('resume ecole');
    expect(foldText('Ёлка')).toBe('елка');
    expect(foldText('ｃｈａｔ１７７７')).toBe('chat1777');
    expect(foldText('ﬁle')).toBe('file');
  });
});

describe('rankEntries', () => {
  test('an empty query lists everything, in the groups’ fixed order and the order given', () => {
    const shuffled = [entries[6]!, entries[0]!, entries[4]!, entries[1]!];
    expect(ids(rankEntries(shuffled, '   '))).toEqual([
      ['commands', ['focus', 'settings']],
      ['accounts', ['acme']],
      ['recent', ['recent-2']],
    ]);
  });

  test('matching ignores case and accents, both ways', () => {
    expect(ids(rankEntries(entries, 'RESUME'))).toEqual([['accounts', ['acme']]]);
    expect(ids(rankEntries(entries, 'résumés'))).toEqual([['accounts', ['acme']]]);
    expect(ids(rankEntries(entries, 'елка зеленая'))).toEqual([['recent', ['recent-0']]]);
  });

  test('every word has to match, in any order; groups left empty are dropped', () => {
    expect(ids(rankEntries(entries, 'shortcuts keyboard'))).toEqual([['commands', ['shortcuts']]]);
    expect(ids(rankEntries(entries, 'keyboard nothing'))).toEqual([]);
  });

  test('the label’s start beats a word start, which beats the middle of a word, which beats keywords and details', () => {
    const list: PaletteEntry[] = [
      { id: 'detail', group: 'commands', label: 'Something', detail: 'history of lookups' },
      { id: 'keyword', group: 'commands', label: 'Other', keywords: ['history'] },
      { id: 'inside', group: 'commands', label: 'Prehistory' },
      { id: 'word', group: 'commands', label: 'Show history' },
      { id: 'start', group: 'commands', label: 'History panel' },
    ];
    expect(ids(rankEntries(list, 'hist'))).toEqual([['commands', ['start', 'word', 'inside', 'keyword', 'detail']]]);
  });

  test('the whole query at the label’s start beats the same words found apart', () => {
    const list: PaletteEntry[] = [
      { id: 'apart', group: 'commands', label: 'Show the keyboard', keywords: ['show'] },
      { id: 'together', group: 'commands', label: 'Show keyboard shortcuts' },
    ];
    expect(ids(rankEntries(list, 'show key'))).toEqual([['commands', ['together', 'apart']]]);
  });

  test('keywords and details are searched; separators in identifiers start words', () => {
    expect(ids(rankEntries(entries, 'preferences'))).toEqual([['commands', ['settings']]]);
    expect(ids(rankEntries(entries, 'bitrix24.de'))).toEqual([['accounts', ['acme']]]);
    expect(ids(rankEntries(entries, '1775'))).toEqual([['recent', ['recent-1']]]);
    expect(scoreEntry(entries[7]!, '1775')).toBeLessThan(scoreEntry(entries[7]!, '775')!);
  });

  test('a group can be capped', () => {
    expect(ids(rankEntries(entries, '', { recent: 2, commands: 1 }))).toEqual([
      ['commands', ['focus']],
      ['accounts', ['acme', 'demo']],
      ['recent', ['recent-2', 'recent-1']],
    ]);
  });
});

describe('recentDetail', () => {
  test('names the kept dialog, isolated, so a recent lookup is found by the client\'s name', () => {
    const detail = recentDetail('Found', { chatId: 1777, name: 'Green Guest #17' }, '2 minutes ago');
    expect(detail).toBe('Found → chat1777 · \u2068Green Guest #17\u2069 · 2 minutes ago');
    const recent: PaletteEntry[] = [
      { id: 'named', group: 'recent', label: '1777', detail },
      { id: 'arabic', group: 'recent', label: '2009', detail: recentDetail('Found', { chatId: 2009, name: 'أحمد محمود' }, 'yesterday') },
      { id: 'plain', group: 'recent', label: '2002', detail: recentDetail('Found', { chatId: 2002 }, 'yesterday') },
    ];
    expect(ids(rankEntries(recent, 'green guest'))).toEqual([['recent', ['named']]]);
    expect(ids(rankEntries(recent, 'guest'))).toEqual([['recent', ['named']]]);
    expect(ids(rankEntries(recent, 'محمود'))).toEqual([['recent', ['arabic']]]);
  });

  test('says no name when none is kept, and no chat for a failed lookup', () => {
    expect(recentDetail('Found', { chatId: 2002 }, 'now')).toBe('Found → chat2002 · now');
    expect(recentDetail('NOT_FOUND', { chatId: null }, 'now')).toBe('NOT_FOUND · now');
  });
});
