// Search over the messages of the kept conversations, on a real database file:
// a word of a message finds its dialog with that message as the snippet, after
// the dialogs' own fields; a session kept again replaces its index rows; the
// words are folded as the dialog search folds them; the number of sessions
// kept per chat takes their index rows with them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DialogSearchHit, InspectorStore, SNIPPET_MATCH_END, SNIPPET_MATCH_START } from '../../main/store/index';
import { MESSAGE_RANK } from '../../main/store/message-index';
import { conversationOf, documentedDialog } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const FETCHED = '2026-03-16T19:54:38.423Z';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-messages-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

const shown = (snippet: string) => snippet.replaceAll(SNIPPET_MATCH_START, '[').replaceAll(SNIPPET_MATCH_END, ']');
const ids = (hits: DialogSearchHit[]) => hits.map((hit) => hit.chatId);

/** The documented chat 1777 under another id and name. */
function putDialog(chatId: number, name: string, account = ACCOUNT): void {
  const { dialog } = documentedDialog();
  store.putDialog(account, { ...dialog, id: chatId, dialog_id: `chat${chatId}`, name, entity_id: `livechat|3|${chatId + 5000}|${chatId + 9000}` }, null, FETCHED);
}

/** Index rows of the messages, read from the FTS5 table's own bookkeeping. */
function indexRows(): number {
  store.close();
  const rows = Number(withRaw(databaseFile(dir), (db) => scalar(db, 'SELECT count(*) FROM message_search_docsize')));
  store = InspectorStore.open(dir);
  return rows;
}

describe('searchDialogs: messages of the kept conversations', () => {
  it('finds the dialog whose conversation says the word, with the message as the snippet, its author and date', () => {
    putDialog(1777, 'Green Guest');
    putDialog(1800, 'Blue Visitor');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['Hello!', 'I would like a [b]refund[/b] for my order, please.', 'Sure.']));
    store.putConversation(ACCOUNT, conversationOf(1800, 400, ['Where is my parcel?']));

    const hits = store.searchDialogs('refund');
    expect(hits).toEqual([
      {
        account: ACCOUNT,
        chatId: 1777,
        fetchedAt: FETCHED,
        name: 'Green Guest',
        dialogId: 'chat1777',
        userCode: 'livechat|3|6777|10777',
        snippet: `I would like a ${SNIPPET_MATCH_START}refund${SNIPPET_MATCH_END} for my order, please.`,
        rank: MESSAGE_RANK,
        message: {
          sessionId: 343,
          messageId: 343_001,
          date: '2026-03-16T19:01:00+01:00',
          author: 'Samantha Johnson',
          snippet: `I would like a ${SNIPPET_MATCH_START}refund${SNIPPET_MATCH_END} for my order, please.`,
        },
      },
    ]);
  });

  it('needs every word in one message, and matches words they start (three letters or more)', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['Please remove the webhook key before you paste it.', 'The key is gone.', 'webhook works']));
    expect(shown(store.searchDialogs('webhook key')[0]!.snippet)).toBe('Please remove the [webhook] [key] before you paste it.');
    expect(shown(store.searchDialogs('webh ke')[0]?.snippet ?? '')).toBe('');
    expect(shown(store.searchDialogs('webh key')[0]!.snippet)).toBe('Please remove the [webhook] [key] before you paste it.');
    expect(shown(store.searchDialogs('remo')[0]!.snippet)).toBe('Please [remove] the webhook key before you paste it.');
    expect(store.searchDialogs('webhook parcel')).toEqual([]);
  });

  it('is case- and accent-insensitive, Cyrillic included, as the dialog search is', () => {
    putDialog(2001, 'Анна Смирнова');
    putDialog(2002, 'José');
    store.putConversation(ACCOUNT, conversationOf(2001, 5012, ['Здравствуйте! Хочу ВЕРНУТЬ заказ.']));
    store.putConversation(ACCOUNT, conversationOf(2002, 5021, ['Le café était froid, remboursement svp.']));
    expect(shown(store.searchDialogs('вернуть')[0]!.snippet)).toBe('Здравствуйте! Хочу [ВЕРНУТЬ] заказ.');
    expect(shown(store.searchDialogs('заказ')[0]!.snippet)).toBe('Здравствуйте! Хочу ВЕРНУТЬ [заказ].');
    expect(ids(store.searchDialogs('CAFE'))).toEqual([2002]);
    expect(shown(store.searchDialogs('etait')[0]!.snippet)).toBe('Le café [était] froid, remboursement svp.');
    expect(ids(store.searchDialogs('rembours'))).toEqual([2002]);
  });

  it('lists a dialog found in its own fields once, as that hit, and message hits after every such hit', () => {
    putDialog(1777, 'Refund desk');
    putDialog(1800, 'Blue Visitor');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please']));
    store.putConversation(ACCOUNT, conversationOf(1800, 400, ['a refund for the parcel']));
    const hits = store.searchDialogs('refund');
    expect(ids(hits)).toEqual([1777, 1800]);
    expect(hits[0]!.message).toBeUndefined();
    expect(hits[0]!.rank).toBeLessThan(MESSAGE_RANK);
    expect(hits[1]!.message).toMatchObject({ sessionId: 400 });
    expect(ids(store.searchDialogs('refund', { limit: 1 }))).toEqual([1777]);
  });

  it('gives one hit per dialog: the newest session kept, its latest message with the words', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 287, ['refund asked in March']));
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['first refund word', 'second refund word', 'nothing']));
    const hits = store.searchDialogs('refund');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toMatchObject({ sessionId: 343, messageId: 343_001 });
  });

  it('keeps portals apart, and gives no hit for a transcript whose dialog is not kept', () => {
    putDialog(1777, 'Green Guest');
    putDialog(1777, 'Other portal guest', 'other.bitrix24.com');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund here']));
    store.putConversation('other.bitrix24.com', conversationOf(1777, 343, ['refund there']));
    store.putConversation(ACCOUNT, conversationOf(4242, 1, ['refund of a chat never looked up']));
    expect(store.searchDialogs('refund', { account: ACCOUNT }).map((hit) => hit.snippet)).toEqual([`${SNIPPET_MATCH_START}refund${SNIPPET_MATCH_END} here`]);
    expect(store.searchDialogs('refund').map((hit) => hit.account).sort()).toEqual([ACCOUNT, 'other.bitrix24.com'].sort());
  });

  it('replaces a session’s index rows when it is kept again: no duplicates, the old words gone', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please', 'checking'], '2026-03-16T20:00:00.000Z'));
    expect(indexRows()).toBe(2);
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['exchange please', 'checking', 'done'], '2026-03-16T21:00:00.000Z'));
    expect(indexRows()).toBe(3);
    expect(store.searchDialogs('refund')).toEqual([]);
    expect(store.searchDialogs('exchange')).toHaveLength(1);
    // An older copy arriving late loses to the kept one, and so do its words.
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please'], '2026-03-16T19:00:00.000Z'));
    expect(store.searchDialogs('refund')).toEqual([]);
    expect(indexRows()).toBe(3);
  });

  it('keeps a session looked up again with the same messages under its new time, its rows as they were', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please', 'checking'], '2026-03-16T20:00:00.000Z'));
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please', 'checking'], '2026-03-16T22:00:00.000Z'));
    expect(store.findConversation(ACCOUNT, 1777, 343)?.fetchedAt).toBe('2026-03-16T22:00:00.000Z');
    expect(indexRows()).toBe(2);
    expect(ids(store.searchDialogs('refund'))).toEqual([1777]);
    // One word changed: the rows follow it.
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['exchange please', 'checking'], '2026-03-16T23:00:00.000Z'));
    expect(store.searchDialogs('refund')).toEqual([]);
    expect(ids(store.searchDialogs('exchange'))).toEqual([1777]);
  });

  it('reads back a transcript kept again with a message edited and the last one gone, its rows following each message', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['refund please', 'checking', 'voucher sent', 'bye'], '2026-03-16T20:00:00.000Z'));
    expect(indexRows()).toBe(4);
    const edited = conversationOf(1777, 343, ['refund please', 'exchange instead', 'voucher sent'], '2026-03-16T21:00:00.000Z');
    store.putConversation(ACCOUNT, edited);
    expect(store.findConversation(ACCOUNT, 1777, 343)).toEqual(edited);
    expect(store.findConversation(ACCOUNT, 1777)).toEqual(edited);
    expect(store.sessionsOf(ACCOUNT, 1777)).toEqual([expect.objectContaining({ sessionId: 343, kept: true, messageCount: 3 })]);
    expect(indexRows()).toBe(3);
    expect(store.searchDialogs('checking')).toEqual([]);
    expect(store.searchDialogs('bye')).toEqual([]);
    expect(store.searchDialogs('exchange')[0]!.message).toMatchObject({ messageId: 343_001 });
    expect(store.searchDialogs('voucher')[0]!.message).toMatchObject({ messageId: 343_002 });
  });

  it('marks the plain words of BB-code, on one line, cut around the match', () => {
    putDialog(1777, 'Green Guest');
    const long = `${'word '.repeat(40)}[b]webhook[/b]#BR#key [URL=https://example.com/x]the page[/URL] ${'tail '.repeat(40)}`;
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['[QUOTE]quoted webhook[/QUOTE]\nreply', long.replace('#BR#', '\n')]));
    const [hit] = store.searchDialogs('webhook');
    expect(shown(hit!.snippet)).toMatch(/^…(word ){5}\[webhook\] key the page \(https:\/\/example\.com\/x\) (tail )+\S*…$/);
    expect(hit!.snippet).not.toContain('[b]');
  });

  it('asks nothing of the messages for one- and two-letter words', () => {
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 343, ['ok so']));
    expect(store.searchDialogs('ok')).toEqual([]);
    expect(store.searchDialogs('so ok')).toEqual([]);
  });
});

describe('transcripts kept per chat', () => {
  it('keeps the newest snapshotsPerDialog sessions; an older one goes with its index rows', () => {
    store.close();
    store = InspectorStore.open(dir, { snapshotsPerDialog: 2 });
    putDialog(1777, 'Green Guest');
    store.putConversation(ACCOUNT, conversationOf(1777, 100, ['refund one']));
    store.putConversation(ACCOUNT, conversationOf(1777, 200, ['refund two']));
    store.putConversation(ACCOUNT, conversationOf(1777, 300, ['exchange three']));
    expect(store.findConversation(ACCOUNT, 1777, 100)).toBeNull();
    expect(store.findConversation(ACCOUNT, 1777, 200)).not.toBeNull();
    expect(store.searchDialogs('refund')[0]!.message).toMatchObject({ sessionId: 200 });
    expect(store.searchDialogs('one')).toEqual([]);
    store.close();
    expect(withRaw(databaseFile(dir), (db) => Number(scalar(db, 'SELECT count(*) FROM message_search_docsize')))).toBe(2);
    store = InspectorStore.open(dir, { snapshotsPerDialog: 2 });
  });
});

describe('retention of transcripts', () => {
  const now = new Date('2026-11-24T00:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const lookup = (chatId: number, days: number, account = ACCOUNT) =>
    store.recordLookup({ account, input: String(chatId), param: 'CHAT_ID', value: String(chatId), at: daysAgo(days), outcome: 'ok', chatId, elapsedMs: 1, source: 'network' });

  it('removes a transcript older than the age limit once no history entry names its chat; a pinned entry\'s chat and a recent lookup\'s keep theirs', () => {
    for (const chatId of [1777, 1800, 1900, 2000, 2100]) putDialog(chatId, `Guest ${chatId}`);
    putDialog(1777, 'Other portal guest', 'other.bitrix24.com');
    store.setPinned(lookup(1777, 400).id, true);
    lookup(1800, 200);
    lookup(1900, 1);
    store.putConversation(ACCOUNT, conversationOf(1777, 10, ['refund pinned'], daysAgo(300)));
    store.putConversation(ACCOUNT, conversationOf(1800, 20, ['refund gone', 'more words'], daysAgo(200)));
    store.putConversation(ACCOUNT, conversationOf(1900, 30, ['refund of an earlier session'], daysAgo(300)));
    store.putConversation(ACCOUNT, conversationOf(2000, 40, ['refund fetched yesterday'], daysAgo(1)));
    store.putConversation(ACCOUNT, conversationOf(2100, 50, ['refund never looked up'], daysAgo(200)));
    // The same chat id on another portal: this portal's pinned entry does not keep it.
    store.putConversation('other.bitrix24.com', conversationOf(1777, 10, ['refund elsewhere'], daysAgo(300)));
    expect(indexRows()).toBe(7);

    expect(store.pruneHistory({ maxEntries: 100, maxAgeDays: 180 }, now)).toEqual({ entries: 1, transcripts: 3 });

    expect(store.findConversation(ACCOUNT, 1800, 20)).toBeNull();
    expect(store.findConversation(ACCOUNT, 2100, 50)).toBeNull();
    expect(store.findConversation('other.bitrix24.com', 1777, 10)).toBeNull();
    expect(store.findConversation(ACCOUNT, 1777, 10)?.messages).toHaveLength(1);
    expect(store.findConversation(ACCOUNT, 1900, 30)).not.toBeNull();
    expect(store.findConversation(ACCOUNT, 2000, 40)).not.toBeNull();
    expect(store.sessionsOf(ACCOUNT, 1800).find((session) => session.sessionId === 20)?.kept ?? false).toBe(false);
    // The search forgets what went and still finds what stayed.
    expect(ids(store.searchDialogs('refund')).sort()).toEqual([1777, 1900, 2000]);
    expect(store.searchDialogs('gone')).toEqual([]);
    expect(store.searchDialogs('elsewhere')).toEqual([]);
    expect(store.searchDialogs('pinned')[0]!.message).toMatchObject({ sessionId: 10 });
    expect(indexRows()).toBe(3);
    expect(store.pruneHistory({ maxEntries: 100, maxAgeDays: 180 }, now)).toEqual({ entries: 0, transcripts: 0 });
  });

  it('lets a transcript fetched again since stay: its age is that of its newest copy', () => {
    putDialog(1800, 'Guest');
    store.putConversation(ACCOUNT, conversationOf(1800, 20, ['refund asked'], daysAgo(300)));
    store.putConversation(ACCOUNT, conversationOf(1800, 20, ['refund asked', 'and answered'], daysAgo(2)));
    expect(store.pruneHistory({ maxEntries: 100, maxAgeDays: 180 }, now)).toEqual({ entries: 0, transcripts: 0 });
    expect(ids(store.searchDialogs('answered'))).toEqual([1800]);
    expect(store.pruneHistory({ maxEntries: 100, maxAgeDays: 1 }, now)).toEqual({ entries: 0, transcripts: 1 });
    expect(store.searchDialogs('refund')).toEqual([]);
    expect(indexRows()).toBe(0);
  });
});

describe('the message index kept merged after puts', () => {
  const ticks = async (count: number) => {
    for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  /** Closes the store and asks FTS5 itself whether a merge of the message index is due (it merges when one is). */
  const mergeDue = (): boolean => {
    store.close();
    const due = withRaw(databaseFile(dir), (db) => {
      const before = Number(scalar(db, 'SELECT total_changes()'));
      db.exec("INSERT INTO message_search (message_search, rank) VALUES ('merge', 64)");
      const merged = Number(scalar(db, 'SELECT total_changes()')) - before >= 2;
      db.exec("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 0)");
      return merged;
    });
    store = InspectorStore.open(dir);
    return due;
  };

  it('merges the segments in the ticks after each put, so none is left due, and finds every session as before', async () => {
    for (let chatId = 1; chatId <= 6; chatId += 1) {
      putDialog(chatId, `Guest ${chatId}`);
      store.putConversation(ACCOUNT, conversationOf(chatId, 100 + chatId, [`refund word${chatId}`]));
      await ticks(3);
    }
    await ticks(10);
    expect(ids(store.searchDialogs('refund')).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(store.searchDialogs('word4'))).toEqual([4]);
    expect(mergeDue()).toBe(false);
  });

  it('leaves the merging to FTS5 when the store closes before its next tick', () => {
    for (let chatId = 1; chatId <= 6; chatId += 1) {
      putDialog(chatId, `Guest ${chatId}`);
      store.putConversation(ACCOUNT, conversationOf(chatId, 100 + chatId, [`refund word${chatId}`]));
    }
    expect(mergeDue()).toBe(true);
    expect(ids(store.searchDialogs('refund')).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
