// Search over the cached dialogs, on a real database file: every kind of query
// the issue names, ranking, accounts kept apart, an update replacing the index
// row, user text never read as FTS5 syntax, and the v2 → v3 upgrade backfill.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawDialog } from '../../main/core/dialog-types';
import { DEMO_IDS } from '../../main/emulator/index';
import { type DialogSearchHit, InspectorStore, SNIPPET_MATCH_END, SNIPPET_MATCH_START, StoreError } from '../../main/store/index';
import { BROAD_RANK, RANK_WINDOW } from '../../main/store/search-index';
import { demoDialog, documentedDialog, withSession } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const FETCHED = '2026-03-16T19:54:38.423Z';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-search-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

/** The documented chat 1777 with other ids, name and people: a dialog of our own making. */
function dialog(id: number, fields: Partial<RawDialog> = {}): RawDialog {
  return { ...documentedDialog().dialog, id, dialog_id: `chat${id}`, entity_id: `livechat|3|${id + 5000}|${id + 9000}`, ...fields };
}

function readers(...names: string[]): Partial<RawDialog> {
  return {
    readed_list: names.map((user_name, i) => ({ user_id: 700 + i, user_name, message_id: 1, date: null })),
    last_message_views: { message_id: 1, first_viewers: [], count_of_viewers: 0 },
  };
}

const ids = (hits: DialogSearchHit[]) => hits.map((hit) => hit.chatId);
/** Markers made visible. */
const shown = (snippet: string) => snippet.replaceAll(SNIPPET_MATCH_START, '[').replaceAll(SNIPPET_MATCH_END, ']');

function putDemo(...chatIds: number[]): void {
  for (const chatId of chatIds) store.putDialog(ACCOUNT, demoDialog(chatId), null, FETCHED);
}

describe('searchDialogs: what it finds', () => {
  beforeEach(() => {
    const { dialog: documented, time } = documentedDialog();
    store.putDialog(ACCOUNT, documented, time, FETCHED);
    // Decoys: a near miss for each query kind below.
    store.putDialog(ACCOUNT, dialog(1800, { name: 'Blue Visitor #3 - Sales', entity_id: 'livechat|2|2200|601', entity_data_1: 'Y|DEAL|1208|N|N|344|1773682918|0|0|0', entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|1208', ...readers('Nobody') }), null, FETCHED);
    putDemo(DEMO_IDS.cyrillicChatId, DEMO_IDS.rtlChatId, DEMO_IDS.chineseChatId, DEMO_IDS.japaneseChatId, DEMO_IDS.reorderedCrmChatId, DEMO_IDS.manyReadersChatId, DEMO_IDS.customConnectorChatId, DEMO_IDS.emojiChatId);
  });

  it('finds the documented hit with every field of DialogSearchHit filled', () => {
    const [hit, ...rest] = store.searchDialogs('chat1777');
    expect(rest).toEqual([]);
    expect(hit).toEqual({
      account: ACCOUNT,
      chatId: 1777,
      fetchedAt: FETCHED,
      name: 'Green Guest #17 - Bitrix24 Documentation',
      dialogId: 'chat1777',
      userCode: 'livechat|22|1775|599',
      snippet: `${SNIPPET_MATCH_START}chat1777${SNIPPET_MATCH_END} · livechat|22|1775|599`,
      rank: expect.any(Number),
    });
    expect(hit!.rank).toBeLessThan(0);
  });

  it.each([
    ['chat17', [1777], '[chat1777] · livechat|22|1775|599'],
    ['CHAT1777', [1777], '[chat1777] · livechat|22|1775|599'],
    ['1777', [1777], null],
    ['livechat|22', [1777], 'chat1777 · [livechat]|[22]|1775|599'],
    ['imol|livechat|22|1775', [1777], 'chat1777 · [livechat]|[22]|[1775]|599'],
    ['1775|599', [1777], 'chat1777 · livechat|22|[1775]|[599]'],
    ['LEAD 1209', [1777], '[LEAD] [1209]'],
    ['lead 120', [1777], '[LEAD] [1209]'],
    ['deal 4410', [DEMO_IDS.reorderedCrmChatId, DEMO_IDS.cyrillicChatId], null],
    ['company 77', [DEMO_IDS.chineseChatId, DEMO_IDS.reorderedCrmChatId], null],
    ['line 22', [1777], '[line] [22] · Live chat (website widget)'],
    // The demo dialogs have her as their first viewer too.
    ['Samantha', [1777, DEMO_IDS.japaneseChatId, DEMO_IDS.emojiChatId, DEMO_IDS.reorderedCrmChatId, DEMO_IDS.customConnectorChatId], 'Guest, [Samantha] Johnson'],
    ['garcia', [DEMO_IDS.manyReadersChatId], 'Emily Chen, Daniel Kim, María [García], Tom O\'Brien'],
    ["O'Brien", [DEMO_IDS.manyReadersChatId], null],
    ['telegram', [DEMO_IDS.cyrillicChatId], null],
    ['acme_helpdesk|9', [DEMO_IDS.customConnectorChatId], null],
    ['express delivery', [DEMO_IDS.emojiChatId], 'Asked about 🚀 [express] [delivery]'],
    ['whatsapp:+9715', [DEMO_IDS.rtlChatId], null],
  ])('%s', (query, expected, snippet) => {
    const hits = store.searchDialogs(query);
    expect(ids(hits).sort()).toEqual([...expected].sort());
    if (snippet !== null) expect(shown(hits[0]!.snippet)).toBe(snippet);
  });

  it('finds a dialog by its session id, and by every session id it had', () => {
    // Chat 1777 is session 343 (entity_data_1 position 5); the decoy 1800 is 344.
    expect(ids(store.searchDialogs('343'))).toEqual([1777]);
    const { dialog: documented, time } = documentedDialog();
    store.putDialog(ACCOUNT, withSession(documented, 9001), time, '2026-03-17T00:00:00.000Z');
    expect(ids(store.searchDialogs('9001'))).toEqual([1777]);
    expect(ids(store.searchDialogs('343'))).toEqual([1777]);
    expect(ids(store.searchDialogs('344'))).toEqual([1800]);
    // Another portal's session 343 is not this one's.
    expect(ids(store.searchDialogs('343', { account: 'other.bitrix24.com' }))).toEqual([]);
  });

  it('reads "deal 77" as the binding, not as "deal" anywhere and "77" anywhere', () => {
    // 2010 holds DEAL 4410 and COMPANY 77: both words, but not the pair.
    expect(store.searchDialogs('deal 77')).toEqual([]);
    store.putDialog(ACCOUNT, dialog(1900, { name: 'Deal holder', entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|77' }), null, FETCHED);
    expect(ids(store.searchDialogs('deal 77'))).toEqual([1900]);
    expect(shown(store.searchDialogs('DEAL 77')[0]!.snippet)).toBe('LEAD 1209 · [DEAL] [77]');
  });

  it('takes the primary binding from entity_data_1 too', () => {
    // 1800's DEAL 1208 is in both; this one only in entity_data_1.
    store.putDialog(ACCOUNT, dialog(1901, { entity_data_1: 'Y|CONTACT|5150|N|N|901|1773682918|0|0|0', entity_data_2: '' }), null, FETCHED);
    expect(ids(store.searchDialogs('contact 5150'))).toEqual([1901]);
  });

  it('is case- and accent-insensitive: Cyrillic, Arabic with or without harakat, Latin accents both ways', () => {
    store.putDialog(ACCOUNT, dialog(1902, { name: 'Иванова Мария - Поддержка' }), null, FETCHED);
    store.putDialog(ACCOUNT, dialog(1903, { name: 'محمد علي', ...readers('François Müller') }), null, FETCHED);
    store.putDialog(ACCOUNT, dialog(1904, { name: 'مُحَمَّد حسن' }), null, FETCHED);
    expect(ids(store.searchDialogs('Иван'))).toEqual([1902]);
    expect(ids(store.searchDialogs('иванова'))).toEqual([1902]);
    expect(ids(store.searchDialogs('ПОДДЕРЖ')).sort()).toEqual([1902, DEMO_IDS.cyrillicChatId]);
    expect(ids(store.searchDialogs('محمد')).sort()).toEqual([1903, 1904]);
    expect(ids(store.searchDialogs('مُحَمَّد')).sort()).toEqual([1903, 1904]);
    expect(ids(store.searchDialogs('أحمد'))).toEqual([DEMO_IDS.rtlChatId]);
    expect(ids(store.searchDialogs('francois MULLER'))).toEqual([1903]);
    expect(ids(store.searchDialogs('Françoi'))).toEqual([1903]);
    expect(shown(store.searchDialogs('francois')[0]!.snippet)).toBe('[François] Müller');
    expect(shown(store.searchDialogs('Иван')[0]!.snippet)).toBe('[Иванова] Мария - Поддержка');
  });

  it('finds CJK names by their first characters, by any part inside a run, and by a single character', () => {
    const chinese = DEMO_IDS.chineseChatId; // 王小明 - 客户支持
    const japanese = DEMO_IDS.japaneseChatId; // 佐藤 花子 - サポート窓口
    expect(ids(store.searchDialogs('王'))).toEqual([chinese]);
    expect(ids(store.searchDialogs('王小明'))).toEqual([chinese]);
    expect(ids(store.searchDialogs('小明'))).toEqual([chinese]);
    expect(ids(store.searchDialogs('明'))).toEqual([chinese]);
    expect(ids(store.searchDialogs('支持'))).toEqual([chinese]);
    expect(ids(store.searchDialogs('花子'))).toEqual([japanese]);
    expect(ids(store.searchDialogs('ポート'))).toEqual([japanese]);
    expect(ids(store.searchDialogs('窓口'))).toEqual([japanese]);
    expect(ids(store.searchDialogs('佐藤 花子'))).toEqual([japanese]);
    expect(shown(store.searchDialogs('小明')[0]!.snippet)).toBe('王[小明] - 客户支持');
    expect(shown(store.searchDialogs('ポート')[0]!.snippet)).toBe('佐藤 花子 - サ[ポート]窓口');
    // Not found: characters that are not next to each other in the text, and
    // (the documented limit) a query that runs across a space in the text.
    expect(store.searchDialogs('王明')).toEqual([]);
    expect(store.searchDialogs('佐藤花子')).toEqual([]);
  });

  it('takes a Latin word or number followed by punctuation as whole, the last word and other scripts as prefixes', () => {
    store.putDialog(ACCOUNT, dialog(1907, { name: 'Анна-Мария Иванова', ...readers('Jean-Pierre Rousseau') }), null, FETCHED);
    // 1800 is livechat|2|2200|601: the last word is a prefix.
    expect(ids(store.searchDialogs('livechat|2')).sort()).toEqual([1777, 1800]);
    expect(ids(store.searchDialogs('livechat|22|17'))).toEqual([1777]);
    // "livech|" says the word ended there: no connector is called livech.
    expect(store.searchDialogs('livech|22')).toEqual([]);
    expect(store.searchDialogs('livechat|2|1775')).toEqual([]);
    expect(ids(store.searchDialogs('jean-p'))).toEqual([1907]);
    expect(store.searchDialogs('je-pierre')).toEqual([]);
    expect(ids(store.searchDialogs('Ан-Мар'))).toEqual([1907]);
    expect(shown(store.searchDialogs('Ан-Мар')[0]!.snippet)).toBe('[Анна]-[Мария] Иванова');
  });

  it('needs every word: a word that matches nothing empties the list', () => {
    expect(ids(store.searchDialogs('Green Guest'))).toEqual([1777]);
    expect(ids(store.searchDialogs('guest green'))).toEqual([1777]);
    expect(store.searchDialogs('Green Zzyzx')).toEqual([]);
  });

  it('finds nothing for blank text or text with no letters or digits, without touching the index', () => {
    for (const text of ['', '   ', '\t\n', '***', '🌸', '||', '"']) expect(store.searchDialogs(text), JSON.stringify(text)).toEqual([]);
  });

  it('never reads the text as FTS5 syntax', () => {
    const attempts = [
      'NEAR(chat1777 Samantha)',
      'chat1777 OR Samantha',
      'Samantha NOT Johnson',
      '-Samantha',
      'name:Green',
      'name : Green',
      '{name ids}: Green',
      '"Green',
      'Green"',
      '"" OR ""',
      'Gre*en',
      '^Green',
      '(Green',
      'Green)',
      'chat1777 AND',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      "'; DROP TABLE dialogs; --",
      '\u0000Green',
      'Green\u0002\u0003',
      'a'.repeat(5000),
      Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '),
    ];
    for (const text of attempts) {
      expect(() => store.searchDialogs(text), text.slice(0, 40)).not.toThrow();
    }
    // The syntax words are plain words: "NOT Johnson" needs "not", which no dialog has.
    expect(store.searchDialogs('Samantha NOT Johnson')).toEqual([]);
    expect(store.searchDialogs('chat1777 OR Samantha')).toEqual([]);
    // Punctuation only separates words.
    expect(ids(store.searchDialogs('-Green'))).toEqual([1777]);
    expect(ids(store.searchDialogs('name:Green'))).toEqual([]);
    expect(ids(store.searchDialogs('"Green'))).toEqual([1777]);
    expect(ids(store.searchDialogs('(Green'))).toEqual([1777]);
    expect(ids(store.searchDialogs('NEAR(chat1777 Samantha)'))).toEqual([]);
    expect(store.searchDialogs("'; DROP TABLE dialogs; --")).toEqual([]);
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })).not.toBeNull();
  });

  it('marks matches with plain control characters, never markup, and never leaves the text own markers in', () => {
    const markup = demoDialog(DEMO_IDS.markupChatId); // name <img src=x onerror=alert(1)>
    store.putDialog(ACCOUNT, markup, null, FETCHED);
    store.putDialog(ACCOUNT, dialog(1905, { name: 'Odd \u0002marker\u0003 name' }), null, FETCHED);
    expect(shown(store.searchDialogs('onerror')[0]!.snippet)).toBe('<img src=x [onerror]=alert(1)> - Website chat');
    expect(shown(store.searchDialogs('marker')[0]!.snippet)).toBe('Odd [marker] name');
    expect(SNIPPET_MATCH_START).toBe('\u0002');
    expect(SNIPPET_MATCH_END).toBe('\u0003');
  });

  it('cuts a long field around the first match', () => {
    const long = `${'word '.repeat(60)}refund please ${'tail '.repeat(60)}`;
    store.putDialog(ACCOUNT, dialog(1906, { description: long }), null, FETCHED);
    const snippet = store.searchDialogs('refund')[0]!.snippet;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(shown(snippet)).toContain('[refund] please');
    expect(snippet.length).toBeLessThanOrEqual(125);
  });
});

describe('searchDialogs: ranking and limits', () => {
  it('ranks a name match above the same word in a reader name', () => {
    store.putDialog(ACCOUNT, dialog(3001, { name: 'Walter Client', ...readers('Guest', 'Petra Operator') }), null, '2026-03-16T10:00:00.000Z');
    // Fetched later: equal ranks would put it first.
    store.putDialog(ACCOUNT, dialog(3002, { name: 'Someone Else', ...readers('Guest', 'Walter Operator') }), null, '2026-03-16T11:00:00.000Z');
    const hits = store.searchDialogs('walter');
    expect(ids(hits)).toEqual([3001, 3002]);
    expect(hits[0]!.rank).toBeLessThan(hits[1]!.rank);
    expect(shown(hits[1]!.snippet)).toBe('Guest, [Walter] Operator');
  });

  it('ranks an id match above a reader name', () => {
    store.putDialog(ACCOUNT, dialog(3003, { ...readers('Telegrambot Fan') }), null, '2026-03-16T12:00:00.000Z');
    store.putDialog(ACCOUNT, dialog(3004, { entity_id: 'telegrambot|6|1|2' }), null, '2026-03-16T10:00:00.000Z');
    expect(ids(store.searchDialogs('telegrambot'))).toEqual([3004, 3003]);
  });

  it('puts the most recently cached first among equal ranks, and an update moves a dialog to the front', () => {
    for (let id = 4001; id <= 4005; id += 1) store.putDialog(ACCOUNT, dialog(id, { name: 'Same Name' }), null, `2026-03-16T10:0${id - 4000}:00.000Z`);
    const first = store.searchDialogs('same name');
    expect(new Set(first.map((hit) => hit.rank)).size).toBe(1);
    expect(ids(first)).toEqual([4005, 4004, 4003, 4002, 4001]);
    store.putDialog(ACCOUNT, dialog(4002, { name: 'Same Name' }), null, '2026-03-16T11:00:00.000Z');
    expect(ids(store.searchDialogs('same name'))).toEqual([4002, 4005, 4004, 4003, 4001]);
  });

  it('when more than RANK_WINDOW match, puts name and id matches first wherever they are, then the rest, newest first', () => {
    const first = 8000;
    // The best match of all (the word in the name), cached before the crowd.
    store.putDialog(ACCOUNT, dialog(first, { name: 'Quokka Keeper' }), null, FETCHED);
    for (let id = first + 1; id <= first + RANK_WINDOW; id += 1) {
      // Among the crowd, one more name match, neither the newest nor the oldest.
      const name = id === first + 100 ? 'Quokka Watcher' : `Crowd ${id}`;
      store.putDialog(ACCOUNT, dialog(id, { name, ...readers('Quokka Fan') }), null, FETCHED);
    }
    const all = store.searchDialogs('quokka', { limit: RANK_WINDOW + 10 });
    expect(all).toHaveLength(RANK_WINDOW + 1);
    expect(ids(all.slice(0, 2))).toEqual([first + 100, first]);
    expect(all.slice(0, 2).map((hit) => hit.rank)).toEqual([BROAD_RANK.nameOrId, BROAD_RANK.nameOrId]);
    // The readers' matches after them, the most recently cached first.
    expect(ids(all.slice(2, 5))).toEqual([first + RANK_WINDOW, first + RANK_WINDOW - 1, first + RANK_WINDOW - 2]);
    expect(new Set(all.slice(2).map((hit) => hit.rank))).toEqual(new Set([BROAD_RANK.elsewhere]));
    expect(shown(all[2]!.snippet)).toBe('[Quokka] Fan');
    // A page stops where it is asked to.
    expect(ids(store.searchDialogs('quokka', { limit: 3 }))).toEqual([first + 100, first, first + RANK_WINDOW]);
    // Specific enough to match fewer: ranked by bm25 again.
    const keeper = store.searchDialogs('quokka keeper');
    expect(ids(keeper)).toEqual([first]);
    expect(keeper[0]!.rank).toBeLessThan(BROAD_RANK.nameOrId);
    // Fetched again, it is the newest, and first among the name matches.
    store.putDialog(ACCOUNT, dialog(first, { name: 'Quokka Keeper' }), null, FETCHED);
    expect(ids(store.searchDialogs('quokka', { limit: 3 }))).toEqual([first, first + 100, first + RANK_WINDOW]);
  });

  it('in a broad search, puts the word as typed before words it only starts, in the name and elsewhere', () => {
    const first = 8600;
    // Oldest: the word itself in the name. Then a name the word only starts. Then the crowd of readers.
    store.putDialog(ACCOUNT, dialog(first, { name: 'Numbat Desk' }), null, FETCHED);
    store.putDialog(ACCOUNT, dialog(first + 1, { name: 'Numbatology Club' }), null, FETCHED);
    for (let id = first + 2; id <= first + RANK_WINDOW + 2; id += 1) {
      const who = id === first + 50 ? 'Numbat Fan' : 'Numbatish Fan';
      store.putDialog(ACCOUNT, dialog(id, { name: `Crowd ${id}`, ...readers(who) }), null, FETCHED);
    }
    const top = store.searchDialogs('numbat', { limit: 4 });
    expect(ids(top)).toEqual([first, first + 1, first + 50, first + RANK_WINDOW + 2]);
    expect(top.map((hit) => hit.rank)).toEqual([BROAD_RANK.nameOrId, BROAD_RANK.nameOrId, BROAD_RANK.elsewhere, BROAD_RANK.elsewhere]);
    // Typed further, the word is a prefix of "numbatology" and "numbatish" only.
    expect(ids(store.searchDialogs('numbato', { limit: 3 }))).toEqual([first + 1]);
  });

  it('keeps accounts apart in a broad search too', () => {
    // More than RANK_WINDOW in each portal, interleaved.
    const each = RANK_WINDOW + 20;
    for (let id = 9001; id <= 9000 + 2 * each; id += 1) {
      store.putDialog(id % 2 === 0 ? ACCOUNT : 'other.bitrix24.com', dialog(id, { name: `Wombat ${id}` }), null, FETCHED);
    }
    const mine = store.searchDialogs('wombat', { account: ACCOUNT, limit: 2_000 });
    expect(mine).toHaveLength(each);
    expect(mine.every((hit) => hit.account === ACCOUNT && hit.chatId % 2 === 0)).toBe(true);
    expect(mine.every((hit) => hit.rank === BROAD_RANK.nameOrId)).toBe(true);
    expect(ids(mine.slice(0, 2))).toEqual([9000 + 2 * each, 9000 + 2 * each - 2]);
    expect(store.searchDialogs('wombat', { limit: 2_000 })).toHaveLength(2 * each);
  });

  it('returns 50 hits by default, and honours limit', () => {
    for (let id = 5001; id <= 5060; id += 1) store.putDialog(ACCOUNT, dialog(id, { name: `Bulk Client ${id}` }), null, FETCHED);
    expect(store.searchDialogs('bulk')).toHaveLength(50);
    expect(store.searchDialogs('bulk', { limit: 7 })).toHaveLength(7);
    expect(ids(store.searchDialogs('bulk', { limit: 3 }))).toEqual([5060, 5059, 5058]);
    expect(store.searchDialogs('bulk', { limit: 100 })).toHaveLength(60);
    expect(store.searchDialogs('bulk', { limit: 0 })).toEqual([]);
    expect(() => store.searchDialogs('bulk', { limit: -1 })).toThrow(StoreError);
    expect(() => store.searchDialogs('bulk', { limit: 1.5 })).toThrow(expect.objectContaining({ code: 'STORE_BAD_ARGUMENT' }));
  });
});

describe('searchDialogs: accounts and updates', () => {
  it('keeps accounts apart when asked, and searches them all when not', () => {
    const { dialog: documented } = documentedDialog();
    store.putDialog('a.bitrix24.com', documented, null, '2026-03-16T10:00:00.000Z');
    store.putDialog('b.bitrix24.com', { ...documented, name: 'Other portal Guest' }, null, '2026-03-16T11:00:00.000Z');
    store.putDialog('b.bitrix24.com', dialog(6001, { name: 'Only on b' }), null, FETCHED);
    expect(store.searchDialogs('chat1777').map((hit) => [hit.account, hit.name])).toEqual([
      ['b.bitrix24.com', 'Other portal Guest'],
      ['a.bitrix24.com', 'Green Guest #17 - Bitrix24 Documentation'],
    ]);
    expect(store.searchDialogs('chat1777', { account: 'a.bitrix24.com' }).map((hit) => hit.account)).toEqual(['a.bitrix24.com']);
    // Its name says Guest; the other one's reader is called Guest: ranked below.
    expect(store.searchDialogs('guest', { account: 'b.bitrix24.com' }).map((hit) => hit.name)).toEqual(['Other portal Guest', 'Only on b']);
    expect(store.searchDialogs('only', { account: 'a.bitrix24.com' })).toEqual([]);
    expect(store.searchDialogs('chat1777', { account: 'c.bitrix24.com' })).toEqual([]);
    expect(store.searchDialogs('chat1777', { account: 'a.bitrix24.co' })).toEqual([]);
  });

  it('with one portal in the file, finds it by account and nothing for another', () => {
    store.putDialog('demo', documentedDialog().dialog, null, FETCHED);
    expect(ids(store.searchDialogs('chat1777', { account: 'demo' }))).toEqual([1777]);
    expect(store.searchDialogs('chat1777', { account: 'demo2' })).toEqual([]);
    expect(store.searchDialogs('chat1777', { account: '' })).toEqual([]);
  });

  it('replaces the index row on update: the old name no longer matches, the new one does, one row per dialog', () => {
    store.putDialog(ACCOUNT, dialog(7001, { name: 'Oldname Person', entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|31' }), null, '2026-03-16T10:00:00.000Z');
    expect(ids(store.searchDialogs('oldname'))).toEqual([7001]);
    store.putDialog(ACCOUNT, dialog(7001, { name: 'Newname Person', entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|32' }), null, '2026-03-16T11:00:00.000Z');
    expect(store.searchDialogs('oldname')).toEqual([]);
    expect(store.searchDialogs('deal 31')).toEqual([]);
    expect(store.searchDialogs('newname')).toEqual([expect.objectContaining({ chatId: 7001, name: 'Newname Person', fetchedAt: '2026-03-16T11:00:00.000Z' })]);
    expect(ids(store.searchDialogs('person'))).toEqual([7001]);
    // The older copy is a snapshot, never searched.
    expect(store.snapshots(ACCOUNT, 7001)).toHaveLength(2);
    store.close();
    withRaw(databaseFile(dir), (db) => {
      expect(scalar(db, 'SELECT count(*) FROM dialog_search')).toBe(1);
      expect(scalar(db, "SELECT count(*) FROM dialog_search WHERE dialog_search MATCH 'oldname'")).toBe(0);
      expect(scalar(db, "SELECT integrity_check FROM pragma_integrity_check")).toBe('ok');
      db.exec("INSERT INTO dialog_search (dialog_search, rank) VALUES ('integrity-check', 0)");
    });
    store = InspectorStore.open(dir);
  });

  it('indexes in the same transaction as the dialog: a refused dialog leaves no index row', () => {
    const { id: _id, dialog_id: _dialogId, ...anonymous } = dialog(7002, { name: 'Anonymous Person' });
    expect(() => store.putDialog(ACCOUNT, anonymous, null, FETCHED)).toThrow(StoreError);
    expect(store.searchDialogs('anonymous')).toEqual([]);
    store.putDialog(ACCOUNT, dialog(7003, { name: 'Durable Person' }), null, FETCHED);
    store.close();
    store = InspectorStore.open(dir);
    expect(ids(store.searchDialogs('durable'))).toEqual([7003]);
  });

  it('is refused once the store is closed', () => {
    store.close();
    expect(() => store.searchDialogs('x')).toThrow(expect.objectContaining({ code: 'STORE_CLOSED' }));
    store = InspectorStore.open(dir);
  });
});
