// The offline cache in a real database file: every identifier form finds the
// same dialog, values come back exactly, accounts are apart, snapshots are
// trimmed, and the latest copy's JSON is stored once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogQuery, RawDialog } from '../../main/core/dialog-types';
import { DEMO_IDS } from '../../main/emulator/index';
import { InspectorStore, StoreError } from '../../main/store/index';
import { demoDialog, documentedDialog, withSession } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const ACCOUNT = 'example.bitrix24.com';
const FETCHED = '2026-03-16T19:54:38.423Z';

let dir: string;
let remove: () => Promise<void>;
let store: InspectorStore;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-cache-'));
  store = InspectorStore.open(dir);
});

afterEach(async () => {
  store.close();
  await remove();
});

type Query = Pick<DialogQuery, 'param' | 'value'>;

/** Every form a lead could paste for this dialog, as parseIdentifier would send it. */
function formsOf(dialog: RawDialog): Query[] {
  const id = dialog['id'] as number;
  const forms: Query[] = [
    { param: 'CHAT_ID', value: id },
    { param: 'CHAT_ID', value: String(id) },
    { param: 'DIALOG_ID', value: `chat${id}` },
    { param: 'USER_CODE', value: dialog['entity_id'] as string },
    { param: 'USER_CODE', value: `imol|${dialog['entity_id'] as string}` },
  ];
  const session = String(dialog['entity_data_1'] ?? '').split('|')[5];
  if (session && session !== '0') forms.push({ param: 'SESSION_ID', value: Number(session) });
  return forms;
}

describe('findDialog', () => {
  it('finds the documented chat1777 by chat id, dialog id, session id and user code, with and without imol|', () => {
    const { dialog, time } = documentedDialog();
    store.putDialog(ACCOUNT, dialog, time, FETCHED);
    const forms = formsOf(dialog);
    expect(forms.map((f) => f.param)).toEqual(['CHAT_ID', 'CHAT_ID', 'DIALOG_ID', 'USER_CODE', 'USER_CODE', 'SESSION_ID']);
    expect(forms.at(-1)?.value).toBe(DEMO_IDS.documentedSessionId);
    for (const query of forms) {
      const found = store.findDialog(ACCOUNT, query);
      expect(found, `${query.param} ${query.value}`).toEqual({ account: ACCOUNT, chatId: 1777, fetchedAt: FETCHED, dialog, time });
      // Key order too: the raw JSON view shows the answer as sent.
      expect(JSON.stringify(found?.dialog)).toBe(JSON.stringify(dialog));
      expect(JSON.stringify(found?.time)).toBe(JSON.stringify(time));
    }
  });

  it('finds a chat by every session id seen in any stored version, the older one too', () => {
    const { dialog, time } = documentedDialog();
    store.putDialog(ACCOUNT, withSession(dialog, DEMO_IDS.documentedOlderSessionId), time, '2026-03-10T10:00:00.000Z');
    store.putDialog(ACCOUNT, dialog, time, FETCHED);
    for (const sessionId of [DEMO_IDS.documentedSessionId, DEMO_IDS.documentedOlderSessionId, '343']) {
      const found = store.findDialog(ACCOUNT, { param: 'SESSION_ID', value: sessionId });
      expect(found?.chatId).toBe(1777);
      // The latest copy, whichever session id found it.
      expect(found?.fetchedAt).toBe(FETCHED);
    }
    expect(store.findDialog(ACCOUNT, { param: 'SESSION_ID', value: 344 })).toBeNull();
  });

  it('finds demo dialogs with Cyrillic, Arabic, CJK, emoji and markup names by every form, values exact', () => {
    const ids = [
      DEMO_IDS.cyrillicChatId,
      DEMO_IDS.rtlChatId,
      DEMO_IDS.chineseChatId,
      DEMO_IDS.japaneseChatId,
      DEMO_IDS.emojiChatId,
      DEMO_IDS.markupChatId,
      DEMO_IDS.groupChatChatId,
      DEMO_IDS.customConnectorChatId,
    ];
    const dialogs = ids.map(demoDialog);
    for (const dialog of dialogs) store.putDialog(ACCOUNT, dialog, null, FETCHED);
    store.close();
    store = InspectorStore.open(dir);
    for (const dialog of dialogs) {
      for (const query of formsOf(dialog)) {
        const found = store.findDialog(ACCOUNT, query);
        expect(found?.chatId, `${query.param} ${query.value}`).toBe(dialog['id']);
        expect(JSON.stringify(found?.dialog)).toBe(JSON.stringify(dialog));
        expect(found?.time).toBeNull();
      }
    }
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: DEMO_IDS.rtlChatId })?.dialog['name']).toBe('أحمد محمود - خدمة العملاء');
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: DEMO_IDS.emojiChatId })?.dialog['name']).toBe('Olivia 🌸 Brown - Website chat 💬');
  });

  it('finds the legacy six-field session id, and nothing by session for empty entity data', () => {
    store.putDialog(ACCOUNT, demoDialog(DEMO_IDS.legacySessionChatId), null, FETCHED);
    store.putDialog(ACCOUNT, demoDialog(DEMO_IDS.emptyEntityDataChatId), null, FETCHED);
    expect(store.findDialog(ACCOUNT, { param: 'SESSION_ID', value: DEMO_IDS.legacySessionId })?.chatId).toBe(DEMO_IDS.legacySessionChatId);
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: DEMO_IDS.emptyEntityDataChatId })?.chatId).toBe(DEMO_IDS.emptyEntityDataChatId);
    expect(withRaw(databaseFile(dir), (db) => scalar(db, 'SELECT count(*) FROM dialog_sessions'))).toBe(1);
  });

  it('keeps strings JSON can carry but SQLite text cannot: NUL, lone surrogates, bidi controls', () => {
    const { dialog } = documentedDialog();
    const odd = { ...dialog, name: 'a\u0000b \ud800 \u202Eevil', description: '\u0000', extra: { nested: ['\u001b[31m', -0.5, 1e21, null, true] } };
    store.putDialog(ACCOUNT, odd, null, FETCHED);
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })?.dialog).toEqual(odd);
  });

  it('finds nothing for unknown chats, other accounts, private dialogs and malformed values', () => {
    const { dialog, time } = documentedDialog();
    store.putDialog(ACCOUNT, dialog, time, FETCHED);
    const misses: Array<[string, Query]> = [
      [ACCOUNT, { param: 'CHAT_ID', value: DEMO_IDS.missingChatId }],
      ['other.bitrix24.com', { param: 'CHAT_ID', value: 1777 }],
      ['demo', { param: 'USER_CODE', value: DEMO_IDS.documentedUserCode }],
      [ACCOUNT, { param: 'DIALOG_ID', value: '1777' }],
      [ACCOUNT, { param: 'DIALOG_ID', value: 'chat17' }],
      [ACCOUNT, { param: 'CHAT_ID', value: 'chat1777' }],
      [ACCOUNT, { param: 'CHAT_ID', value: -1777 }],
      [ACCOUNT, { param: 'USER_CODE', value: 'livechat|22|1775|59' }],
      [ACCOUNT, { param: 'SESSION_ID', value: 0 }],
    ];
    for (const [account, query] of misses) expect(store.findDialog(account, query), `${account} ${query.param} ${query.value}`).toBeNull();
  });
});

describe('accounts', () => {
  it('keeps the same chat id under two accounts as two dialogs, each with its own snapshots and sessions', () => {
    const { dialog, time } = documentedDialog();
    const other = { ...withSession(dialog, 9001), name: 'Another portal’s chat 1777' };
    store.putDialog('a.bitrix24.com', dialog, time, FETCHED);
    store.putDialog('demo', other, null, '2026-03-17T08:00:00.000Z');
    store.putDialog('demo', other, null, '2026-03-17T09:00:00.000Z');

    expect(store.findDialog('a.bitrix24.com', { param: 'CHAT_ID', value: 1777 })?.dialog['name']).toBe(dialog['name']);
    expect(store.findDialog('demo', { param: 'CHAT_ID', value: 1777 })?.dialog['name']).toBe(other['name']);
    expect(store.findDialog('demo', { param: 'SESSION_ID', value: 343 })).toBeNull();
    expect(store.findDialog('a.bitrix24.com', { param: 'SESSION_ID', value: 9001 })).toBeNull();
    expect(store.snapshots('a.bitrix24.com', 1777)).toHaveLength(1);
    expect(store.snapshots('demo', 1777).map((s) => s.fetchedAt)).toEqual(['2026-03-17T09:00:00.000Z', '2026-03-17T08:00:00.000Z']);
  });
});

describe('putDialog and snapshots', () => {
  function version(n: number): RawDialog {
    return { ...documentedDialog().dialog, message_count: 100 + n };
  }
  const at = (n: number) => `2026-03-16T10:${String(n).padStart(2, '0')}:00.000Z`;

  it('keeps the latest copy plus older ones, newest first, trimmed to snapshotsPerDialog', () => {
    store.close();
    store = InspectorStore.open(dir, { snapshotsPerDialog: 3 });
    for (let n = 1; n <= 5; n += 1) store.putDialog(ACCOUNT, version(n), { start: n }, at(n));
    const kept = store.snapshots(ACCOUNT, 1777);
    expect(kept.map((s) => s.dialog['message_count'])).toEqual([105, 104, 103]);
    expect(kept.map((s) => s.fetchedAt)).toEqual([at(5), at(4), at(3)]);
    expect(kept.map((s) => s.time)).toEqual([{ start: 5 }, { start: 4 }, { start: 3 }]);
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })?.dialog['message_count']).toBe(105);
    // The latest copy's JSON is in dialogs only; snapshots hold the older ones.
    const onDisk = withRaw(databaseFile(dir), (db) => ({
      latest: scalar(db, 'SELECT count(*) FROM dialogs'),
      older: scalar(db, 'SELECT count(*) FROM snapshots'),
      duplicated: scalar(db, 'SELECT count(*) FROM snapshots s JOIN dialogs d USING (account, chat_id) WHERE s.dialog = d.dialog'),
    }));
    expect(onDisk).toEqual({ latest: 1, older: 2, duplicated: 0 });
  });

  it('keeps 10 versions by default, and only the latest with snapshotsPerDialog 1', () => {
    for (let n = 1; n <= 12; n += 1) store.putDialog(ACCOUNT, version(n), null, at(n));
    expect(store.snapshots(ACCOUNT, 1777).map((s) => s.dialog['message_count'])).toEqual([112, 111, 110, 109, 108, 107, 106, 105, 104, 103]);
    store.close();
    store = InspectorStore.open(dir, { snapshotsPerDialog: 1 });
    store.putDialog(ACCOUNT, version(13), null, at(13));
    expect(store.snapshots(ACCOUNT, 1777).map((s) => s.dialog['message_count'])).toEqual([113]);
    expect(withRaw(databaseFile(dir), (db) => scalar(db, 'SELECT count(*) FROM snapshots'))).toBe(0);
  });

  it('returns no snapshots for a dialog never seen', () => {
    expect(store.snapshots(ACCOUNT, 1777)).toEqual([]);
  });

  it('refuses a dialog without a chat id and writes nothing', () => {
    const { dialog } = documentedDialog();
    const { id: _id, dialog_id: _dialogId, ...anonymous } = dialog;
    expect(() => store.putDialog(ACCOUNT, anonymous, null, FETCHED)).toThrow(StoreError);
    expect(() => store.putDialog(ACCOUNT, anonymous, null, FETCHED)).toThrow(expect.objectContaining({ code: 'STORE_NO_CHAT_ID' }));
    expect(store.findDialog(ACCOUNT, { param: 'USER_CODE', value: DEMO_IDS.documentedUserCode })).toBeNull();
  });

  it('takes the chat id from dialog_id when id is missing, and updates the user code when it changes', () => {
    const { dialog } = documentedDialog();
    const { id: _id, ...withoutId } = dialog;
    store.putDialog(ACCOUNT, withoutId, null, FETCHED);
    expect(store.findDialog(ACCOUNT, { param: 'CHAT_ID', value: 1777 })).not.toBeNull();
    store.putDialog(ACCOUNT, { ...dialog, entity_id: 'telegrambot|6|173633217|569' }, null, FETCHED);
    expect(store.findDialog(ACCOUNT, { param: 'USER_CODE', value: 'telegrambot|6|173633217|569' })?.chatId).toBe(1777);
    expect(store.findDialog(ACCOUNT, { param: 'USER_CODE', value: DEMO_IDS.documentedUserCode })).toBeNull();
  });

  it('refuses snapshotsPerDialog below 1', () => {
    expect(() => InspectorStore.open(dir, { snapshotsPerDialog: 0 })).toThrow(/snapshotsPerDialog/);
  });
});

describe('keptDialogs', () => {
  it("lists an account's latest copies, the most recently fetched first, at most the limit asked", () => {
    const ids = [DEMO_IDS.cyrillicChatId, DEMO_IDS.rtlChatId, DEMO_IDS.chineseChatId];
    ids.forEach((id, n) => store.putDialog(ACCOUNT, demoDialog(id), null, `2026-03-1${n + 1}T10:00:00.000Z`));
    // Fetched again: one row, its newest copy, now the freshest.
    const again = { ...demoDialog(DEMO_IDS.cyrillicChatId), name: 'Renamed - Support' };
    store.putDialog(ACCOUNT, again, null, '2026-03-19T10:00:00.000Z');
    store.putDialog('other.bitrix24.com', demoDialog(DEMO_IDS.japaneseChatId), null, '2026-03-20T10:00:00.000Z');
    const kept = store.keptDialogs(ACCOUNT, 10);
    expect(kept.map((copy) => copy.chatId)).toEqual([DEMO_IDS.cyrillicChatId, DEMO_IDS.chineseChatId, DEMO_IDS.rtlChatId]);
    expect(kept[0]!.dialog['name']).toBe('Renamed - Support');
    expect(store.keptDialogs(ACCOUNT, 2)).toHaveLength(2);
    expect(store.keptDialogs('nobody.bitrix24.com', 10)).toEqual([]);
  });
});
