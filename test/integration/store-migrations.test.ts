// Schema migrations on real files: from nothing, from an empty file, from a
// bare v0 database, from v1 and v2 files with data (written here by hand, as
// they shipped), a failing step that must leave the file at v1, and a newer file.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../main/core/conversation-types';
import { InspectorStore, SCHEMA_VERSION } from '../../main/store/index';
import { conversationOf, documentedDialog, withSession } from '../support/store-fixtures';
import { databaseFile, openRaw, scalar, userVersion, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-migrations-'));
});

afterEach(async () => {
  await remove();
});

// Version 1 exactly as its migration wrote it; frozen here so that an edit to a
// shipped step shows up as a failing upgrade test.
const V1_SCHEMA = `
  CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, input TEXT NOT NULL, param TEXT, value TEXT,
    at TEXT NOT NULL, outcome TEXT NOT NULL, chat_id INTEGER, elapsed_ms REAL NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('network', 'cache')), pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
  );
  CREATE INDEX history_by_account ON history (account, id);
  CREATE TABLE dialogs (
    account TEXT NOT NULL, chat_id INTEGER NOT NULL, fetched_at TEXT NOT NULL, dialog TEXT NOT NULL, time TEXT,
    PRIMARY KEY (account, chat_id)
  );
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY, account TEXT NOT NULL, chat_id INTEGER NOT NULL, fetched_at TEXT NOT NULL, dialog TEXT NOT NULL, time TEXT
  );
  CREATE INDEX snapshots_by_dialog ON snapshots (account, chat_id, id);
  PRAGMA user_version = 1;
`;

// Step 2 as it shipped, appended to V1_SCHEMA for a v2 file.
const V2_STEP = `
  ALTER TABLE dialogs ADD COLUMN user_code TEXT;
  CREATE INDEX dialogs_by_user_code ON dialogs (account, user_code);
  CREATE TABLE dialog_sessions (
    account TEXT NOT NULL, session_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, PRIMARY KEY (account, session_id)
  ) WITHOUT ROWID;
  PRAGMA user_version = 2;
`;

function tables(file: string): string[] {
  return withRaw(file, (db) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").raw(true).all() as string[][]).map((row) => String(row[0])),
  );
}

const EXPECTED_TABLES = ['dialog_search', 'dialog_sessions', 'dialogs', 'history', 'snapshots', 'user_names', 'conversations', 'message_search', 'conversation_messages', 'watched', 'watch_fired', 'bulk_runs', 'last_overview'];

/**
 * A file as version 4 left it: no name column, no sessions-by-chat index, and
 * a search index without session ids (emptied: version 5 rebuilds it whole).
 */
/** A file as version 12 left it: no last overview kept. */
function backToVersion12(folder: string): void {
  withRaw(databaseFile(folder), (db) => db.exec('DROP TABLE last_overview; PRAGMA user_version = 12;'));
}

/** A file as version 11 left it: no rules per watched dialog, nothing fired kept. */
function backToVersion11(folder: string): void {
  backToVersion12(folder);
  withRaw(databaseFile(folder), (db) =>
    db.exec('DROP TRIGGER watch_fired_go_with_their_watch; DROP TABLE watch_fired; ALTER TABLE watched DROP COLUMN rules; PRAGMA user_version = 11;'),
  );
}

/** A file as version 10 left it: no bulk runs kept. */
function backToVersion10(folder: string): void {
  backToVersion11(folder);
  withRaw(databaseFile(folder), (db) => db.exec('DROP TRIGGER bulk_runs_go_with_their_entry; DROP TABLE bulk_runs; PRAGMA user_version = 10;'));
}

/** A file as version 9 left it: no watch list. */
function backToVersion9(folder: string): void {
  backToVersion10(folder);
  withRaw(databaseFile(folder), (db) => db.exec('DROP TABLE watched; PRAGMA user_version = 9;'));
}

/** A file as version 8 left it: each transcript's messages inside its JSON, oldest first, no table of their own. */
function backToVersion8(folder: string): void {
  backToVersion9(folder);
  withRaw(databaseFile(folder), (db) =>
    db.exec(`
      UPDATE conversations SET conversation = json_set(conversation, '$.messages', (
        SELECT json_group_array(json(message)) FROM (
          SELECT message FROM conversation_messages
          WHERE id BETWEEN conversations.id * 1048576 AND conversations.id * 1048576 + 1048575 ORDER BY id)));
      DROP TABLE conversation_messages;
      ALTER TABLE conversations DROP COLUMN messages_digest;
      PRAGMA user_version = 8;
    `),
  );
}

/** A file as version 7 left it: conversations keyed by their own columns, no message index. */
function backToVersion7(folder: string): void {
  backToVersion8(folder);
  withRaw(databaseFile(folder), (db) =>
    db.exec(`
      DROP TABLE message_search;
      CREATE TABLE conversations_v7 (
        account TEXT NOT NULL, chat_id INTEGER NOT NULL, session_id INTEGER NOT NULL, fetched_at TEXT NOT NULL, conversation TEXT NOT NULL,
        PRIMARY KEY (account, chat_id, session_id)
      );
      INSERT INTO conversations_v7 SELECT account, chat_id, session_id, fetched_at, conversation FROM conversations;
      DROP TABLE conversations;
      ALTER TABLE conversations_v7 RENAME TO conversations;
      PRAGMA user_version = 7;
    `),
  );
}

/** A file as version 6 left it: no conversations. */
function backToVersion6(folder: string): void {
  backToVersion7(folder);
  withRaw(databaseFile(folder), (db) => db.exec('DROP TABLE conversations; PRAGMA user_version = 6;'));
}

/** A file as version 5 left it: no directory of user names either. */
function backToVersion5(folder: string): void {
  backToVersion6(folder);
  withRaw(databaseFile(folder), (db) => db.exec('DROP TABLE user_names; PRAGMA user_version = 5;'));
}

function backToVersion4(folder: string): void {
  backToVersion5(folder);
  withRaw(databaseFile(folder), (db) => {
    db.exec(`
      DROP INDEX dialog_sessions_by_chat;
      DROP INDEX dialogs_names;
      ALTER TABLE dialogs DROP COLUMN name;
      INSERT INTO dialog_search (dialog_search) VALUES ('delete-all');
      PRAGMA user_version = 4;
    `);
  });
}

describe('migrations', () => {
  it('create the whole schema in a folder that does not exist yet', () => {
    const nested = `${dir}/not/yet/there`;
    const store = InspectorStore.open(nested);
    store.close();
    const file = databaseFile(nested);
    expect(withRaw(file, userVersion)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(13);
    expect(tables(file)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
  });

  it('treat an empty file as a new database, without reporting it as damaged', () => {
    fs.writeFileSync(databaseFile(dir), '');
    const store = InspectorStore.open(dir);
    expect(store.report.recovered).toEqual([]);
    store.recordLookup({ account: 'demo', input: '1777', param: 'CHAT_ID', value: '1777', at: '2026-03-16T00:00:00.000Z', outcome: 'ok', chatId: 1777, elapsedMs: 1, source: 'network' });
    store.close();
    expect(withRaw(databaseFile(dir), userVersion)).toBe(SCHEMA_VERSION);
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('upgrade a v0 database (a valid SQLite file with no schema of ours) and leave its other tables alone', () => {
    withRaw(databaseFile(dir), (db) => {
      db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')");
    });
    const store = InspectorStore.open(dir);
    expect(store.report.recovered).toEqual([]);
    store.close();
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(scalar(db, 'SELECT text FROM notes')).toBe('kept');
    });
    expect(tables(databaseFile(dir))).toEqual(expect.arrayContaining([...EXPECTED_TABLES, 'notes']));
  });

  it('upgrade a v1 file with data: history kept, user codes and every session id indexed from stored versions', () => {
    const { dialog, time } = documentedDialog();
    const older = withSession(dialog, 287);
    withRaw(databaseFile(dir), (db) => {
      db.exec(V1_SCHEMA);
      db.prepare(
        "INSERT INTO history (account, input, param, value, at, outcome, chat_id, elapsed_ms, source, pinned) VALUES ('demo', 'chat1777', 'DIALOG_ID', 'chat1777', '2026-03-10T00:00:00.000Z', 'ok', 1777, 12.5, 'network', 1)",
      ).run();
      db.prepare("INSERT INTO snapshots (account, chat_id, fetched_at, dialog, time) VALUES ('demo', 1777, '2026-03-10T00:00:00.000Z', ?, NULL)").run(JSON.stringify(older));
      db.prepare("INSERT INTO dialogs (account, chat_id, fetched_at, dialog, time) VALUES ('demo', 1777, '2026-03-16T00:00:00.000Z', ?, ?)").run(JSON.stringify(dialog), JSON.stringify(time));
    });

    const store = InspectorStore.open(dir);
    try {
      expect(store.report.recovered).toEqual([]);
      expect(store.listHistory()).toEqual([
        expect.objectContaining({ input: 'chat1777', param: 'DIALOG_ID', pinned: true, elapsedMs: 12.5, chatId: 1777 }),
      ]);
      for (const query of [
        { param: 'USER_CODE', value: 'imol|livechat|22|1775|599' },
        { param: 'SESSION_ID', value: 343 },
        { param: 'SESSION_ID', value: 287 },
        { param: 'DIALOG_ID', value: 'chat1777' },
      ] as const) {
        const found = store.findDialog('demo', query);
        expect(found, `${query.param} ${query.value}`).toMatchObject({ chatId: 1777, fetchedAt: '2026-03-16T00:00:00.000Z', time });
      }
      expect(store.snapshots('demo', 1777).map((s) => s.dialog['entity_data_1'])).toEqual([dialog['entity_data_1'], older['entity_data_1']]);
      expect(store.searchDialogs('livechat|22').map((hit) => hit.chatId)).toEqual([1777]);
    } finally {
      store.close();
    }
    expect(withRaw(databaseFile(dir), userVersion)).toBe(SCHEMA_VERSION);
  });

  it('upgrade a v2 file with data: every latest copy indexed for search, ties ordered by fetch time, snapshots not indexed', () => {
    const { dialog, time } = documentedDialog();
    const other = (id: number, name: string) => ({ ...dialog, id, dialog_id: `chat${id}`, name, entity_id: `telegrambot|6|${id}|${id}` });
    withRaw(databaseFile(dir), (db) => {
      db.exec(V1_SCHEMA.replace('PRAGMA user_version = 1;', V2_STEP));
      const insert = db.prepare('INSERT INTO dialogs (account, chat_id, fetched_at, dialog, time, user_code) VALUES (?, ?, ?, ?, ?, ?)');
      // Inserted newest first: rowid order is not fetch order in a v2 file.
      insert.run('demo', 3, '2026-03-16T12:00:00.000Z', JSON.stringify(other(3, 'Twin Name')), null, 'telegrambot|6|3|3');
      insert.run('demo', 2, '2026-03-16T09:00:00.000Z', JSON.stringify(other(2, 'Twin Name')), null, 'telegrambot|6|2|2');
      insert.run('b.bitrix24.com', 1777, '2026-03-16T10:00:00.000Z', JSON.stringify(dialog), JSON.stringify(time), 'livechat|22|1775|599');
      db.prepare("INSERT INTO snapshots (account, chat_id, fetched_at, dialog) VALUES ('demo', 3, '2026-03-01T00:00:00.000Z', ?)").run(
        JSON.stringify(other(3, 'Forgotten Oldname')),
      );
    });

    let store = InspectorStore.open(dir);
    try {
      expect(store.searchDialogs('chat1777')).toEqual([expect.objectContaining({ account: 'b.bitrix24.com', chatId: 1777, userCode: 'livechat|22|1775|599' })]);
      expect(store.searchDialogs('LEAD 1209', { account: 'b.bitrix24.com' }).map((hit) => hit.chatId)).toEqual([1777]);
      expect(store.searchDialogs('chat1777', { account: 'demo' })).toEqual([]);
      expect(store.searchDialogs('twin').map((hit) => [hit.chatId, hit.fetchedAt])).toEqual([
        [3, '2026-03-16T12:00:00.000Z'],
        [2, '2026-03-16T09:00:00.000Z'],
      ]);
      expect(store.searchDialogs('oldname')).toEqual([]);
      // Everything else still found as before.
      expect(store.findDialog('demo', { param: 'USER_CODE', value: 'telegrambot|6|3|3' })?.chatId).toBe(3);
      expect(store.snapshots('demo', 3).map((s) => s.dialog['name'])).toEqual(['Twin Name', 'Forgotten Oldname']);
      // A put after the upgrade replaces the backfilled row.
      store.putDialog('demo', other(2, 'Renamed Twin'), null, '2026-03-17T00:00:00.000Z');
      expect(store.searchDialogs('twin').map((hit) => hit.chatId)).toEqual([2, 3]);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(scalar(db, 'SELECT count(*) FROM dialog_search')).toBe(3);
    });
    store = InspectorStore.open(dir);
    store.close();
  });

  it('upgrade a v3 file: the search index merges segments thinned out by updates, and finds what it found before', () => {
    const { dialog } = documentedDialog();
    let store = InspectorStore.open(dir);
    store.putDialog('demo', dialog, null, '2026-03-16T00:00:00.000Z');
    store.close();
    // Back to what v3 wrote: no merge setting, version 3.
    withRaw(databaseFile(dir), (db) => {
      db.exec(`
        DELETE FROM dialog_search_config WHERE k = 'deletemerge';
        DROP TABLE last_overview;
        DROP TRIGGER watch_fired_go_with_their_watch;
        DROP TABLE watch_fired;
        DROP TRIGGER bulk_runs_go_with_their_entry;
        DROP TABLE bulk_runs;
        DROP TABLE watched;
        DROP TABLE message_search;
        DROP TABLE conversation_messages;
        DROP TABLE conversations;
        DROP TABLE user_names;
        DROP INDEX dialog_sessions_by_chat;
        DROP INDEX dialogs_names;
        ALTER TABLE dialogs DROP COLUMN name;
        PRAGMA user_version = 3;
      `);
    });
    store = InspectorStore.open(dir);
    try {
      expect(store.searchDialogs('green guest').map((hit) => hit.chatId)).toEqual([1777]);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(scalar(db, "SELECT v FROM dialog_search_config WHERE k = 'deletemerge'")).toBe(5);
    });
  });

  it('upgrade a v5 file: the names in every kept copy, latest and snapshots, fill the directory, the newest name per user', () => {
    // Without the answer's first viewers, which name user 27 too.
    const { last_message_views: _views, ...dialog } = documentedDialog().dialog;
    const reader = (id: number, name: string) => ({ user_id: id, user_name: name, message_id: 1, date: null });
    let store = InspectorStore.open(dir);
    store.putDialog('demo', { ...dialog, readed_list: [reader(27, 'Sam Johnson'), reader(31, 'Priya Patel')] }, null, '2026-03-16T00:00:00.000Z');
    store.putDialog('demo', { ...dialog, readed_list: [reader(27, 'Samantha Johnson')] }, null, '2026-03-17T00:00:00.000Z');
    store.putDialog('other.bitrix24.com', { ...dialog, readed_list: [reader(27, 'Somebody Else')] }, null, '2026-03-15T00:00:00.000Z');
    store.close();
    backToVersion5(dir);
    store = InspectorStore.open(dir);
    try {
      // 31 is named only in the older copy, now a snapshot; each portal keeps its own users.
      expect(store.namesFor('demo', ['27', '31', '44'])).toEqual({ '27': 'Samantha Johnson', '31': 'Priya Patel' });
      expect(store.namesFor('other.bitrix24.com', ['27'])).toEqual({ '27': 'Somebody Else' });
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => expect(userVersion(db)).toBe(SCHEMA_VERSION));
  });

  it('upgrade a v4 file: lookups show the kept dialog\'s name, and every session id seen finds the dialog', () => {
    const { dialog } = documentedDialog();
    let store = InspectorStore.open(dir);
    // Chat 1777 was session 343, then 400; chat 1800 never had a session.
    store.putDialog('demo', dialog, null, '2026-03-16T00:00:00.000Z');
    store.putDialog('demo', withSession(dialog, 400), null, '2026-03-17T00:00:00.000Z');
    store.recordLookup({ account: 'demo', input: '1777', param: 'CHAT_ID', value: '1777', at: '2026-03-17T00:00:00.000Z', outcome: 'ok', chatId: 1777, elapsedMs: 1, source: 'network' });
    store.close();
    backToVersion4(dir);
    store = InspectorStore.open(dir);
    try {
      expect(store.searchDialogs('343').map((hit) => hit.chatId)).toEqual([1777]);
      expect(store.searchDialogs('400').map((hit) => hit.chatId)).toEqual([1777]);
      expect(store.searchDialogs('green guest').map((hit) => hit.chatId)).toEqual([1777]);
      expect(store.listHistory().map((entry) => entry.name)).toEqual(['Green Guest #17 - Bitrix24 Documentation']);
      expect(store.listHistory({ text: 'green guest' }).map((entry) => entry.input)).toEqual(['1777']);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(scalar(db, 'SELECT count(*) FROM dialog_search')).toBe(1);
      expect(scalar(db, "SELECT name FROM dialogs WHERE chat_id = 1777")).toBe('Green Guest #17 - Bitrix24 Documentation');
    });
  });

  it('upgrade a v4 file with more kept dialogs than one page of the step: every one named and found', () => {
    const { dialog } = documentedDialog();
    let store = InspectorStore.open(dir);
    const count = 1_201;
    for (let i = 0; i < count; i++) {
      store.putDialog('demo', { ...dialog, id: 5_000 + i, dialog_id: `chat${5_000 + i}`, name: `Client ${5_000 + i}` }, null, '2026-03-16T00:00:00.000Z');
    }
    store.close();
    backToVersion4(dir);
    store = InspectorStore.open(dir);
    try {
      for (const id of [5_000, 5_499, 5_500, 5_501, 6_000, 6_200]) {
        expect(store.searchDialogs(`Client ${id}`).map((hit) => hit.chatId)).toContain(id);
      }
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(scalar(db, 'SELECT count(*) FROM dialog_search')).toBe(count);
      expect(scalar(db, 'SELECT count(*) FROM dialogs WHERE name IS NULL')).toBe(0);
    });
  });

  it('upgrade a v7 file: every kept transcript\'s messages indexed, more than one page of the step, and kept ids', () => {
    let store = InspectorStore.open(dir);
    const { dialog } = documentedDialog();
    for (let chatId = 1; chatId <= 60; chatId += 1) {
      store.putDialog('example.bitrix24.com', { ...dialog, id: chatId, dialog_id: `chat${chatId}` }, null, '2026-03-16T19:54:38.423Z');
      store.putConversation('example.bitrix24.com', conversationOf(chatId, 1000 + chatId, ['Hello', `refund number${chatId}`]));
    }
    store.close();
    backToVersion7(dir);
    withRaw(databaseFile(dir), (db) => expect(userVersion(db)).toBe(7));

    store = InspectorStore.open(dir);
    try {
      expect(store.searchDialogs('refund', { limit: 100 })).toHaveLength(60);
      expect(store.searchDialogs('number17')).toEqual([expect.objectContaining({ chatId: 17, message: expect.objectContaining({ sessionId: 1017 }) })]);
      expect(store.findConversation('example.bitrix24.com', 60, 1060)?.messages).toHaveLength(2);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(Number(scalar(db, 'SELECT count(*) FROM message_search_docsize'))).toBe(120);
      expect(scalar(db, 'PRAGMA integrity_check')).toBe('ok');
    });
  });

  it('upgrade a v8 file: every kept message moves to a row of its own, more than one page of the step, transcripts read as before, the index answers unchanged', () => {
    let store = InspectorStore.open(dir);
    const { dialog } = documentedDialog();
    const kept: Conversation[] = [];
    for (let chatId = 1; chatId <= 120; chatId += 1) {
      store.putDialog('example.bitrix24.com', { ...dialog, id: chatId, dialog_id: `chat${chatId}` }, null, '2026-03-16T19:54:38.423Z');
      const conversation = conversationOf(chatId, 1000 + chatId, ['Hello', `refund number${chatId}`, '', 'Привет 👋 [b]bold[/b]'].slice(0, 1 + (chatId % 4)));
      store.putConversation('example.bitrix24.com', conversation);
      kept.push(conversation);
    }
    store.close();
    backToVersion8(dir);
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(8);
      expect(tables(databaseFile(dir))).not.toContain('conversation_messages');
      expect(scalar(db, "SELECT json_array_length(conversation, '$.messages') FROM conversations WHERE chat_id = 3")).toBe(4);
    });
    const indexRows = withRaw(databaseFile(dir), (db) => Number(scalar(db, 'SELECT count(*) FROM message_search_docsize')));

    store = InspectorStore.open(dir);
    try {
      for (const conversation of kept) expect(store.findConversation('example.bitrix24.com', conversation.chatId, conversation.sessionId)).toEqual(conversation);
      expect(store.sessionsOf('example.bitrix24.com', 3)).toEqual([expect.objectContaining({ sessionId: 1003, kept: true, messageCount: 4 })]);
      expect(store.searchDialogs('refund', { limit: 100 }).map((hit) => hit.chatId).sort((a, b) => a - b)).toEqual(kept.filter((c) => c.messages.length > 1).map((c) => c.chatId));
      expect(store.searchDialogs('number17')).toEqual([expect.objectContaining({ chatId: 17, message: expect.objectContaining({ sessionId: 1017, messageId: 1017_001 }) })]);
      expect(store.searchDialogs('привет')[0]).toMatchObject({ message: expect.objectContaining({ messageId: expect.any(Number) }) });
      // Kept again after the upgrade, two messages more (one blank): found by its new words, its old ones still found.
      const grown = conversationOf(17, 1017, ['Hello', 'refund number17', '', 'exchange instead'], '2026-03-16T21:00:00.000Z');
      store.putConversation('example.bitrix24.com', grown);
      expect(store.findConversation('example.bitrix24.com', 17, 1017)).toEqual(grown);
      expect(store.searchDialogs('exchange').map((hit) => hit.chatId)).toEqual([17]);
      expect(store.searchDialogs('number17').map((hit) => hit.chatId)).toEqual([17]);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(Number(scalar(db, 'SELECT count(*) FROM conversation_messages'))).toBe(kept.reduce((sum, c) => sum + c.messages.length, 0) + 2);
      expect(scalar(db, "SELECT count(*) FROM conversations WHERE json_type(conversation, '$.messages') IS NOT NULL")).toBe(0);
      // The index the upgrade found is the one it keeps: one row more, for the message added since.
      expect(Number(scalar(db, 'SELECT count(*) FROM message_search_docsize'))).toBe(indexRows + 1);
      expect(scalar(db, 'PRAGMA integrity_check')).toBe('ok');
    });
  });

  it('upgrade a v10 file: the history stays as it was, and a bulk run is kept with its entry', () => {
    let store = InspectorStore.open(dir);
    const entry = store.recordLookup({ account: 'example.bitrix24.com', input: 'chat1777', param: 'DIALOG_ID', value: 'chat1777', at: '2026-03-16T20:00:00.000Z', outcome: 'ok', chatId: 1777, elapsedMs: 12, source: 'network' });
    store.close();
    backToVersion10(dir);
    expect(tables(databaseFile(dir))).not.toContain('bulk_runs');
    store = InspectorStore.open(dir);
    try {
      expect(store.listHistory()).toEqual([entry]);
      const result = { runId: 'r1', rows: [], cancelled: false, found: 0, kept: 0, failed: 0, elapsedMs: 1 };
      const run = store.recordBulkRun('example.bitrix24.com', result, '2026-03-16T21:00:00.000Z', ['chat1777']);
      expect(store.bulkRun({ historyId: run.id })).toEqual(result);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => expect(userVersion(db)).toBe(SCHEMA_VERSION));
  });

  it('upgrade a v11 file: the watch list stays as it was, each dialog following the list\'s rules, nothing fired yet', () => {
    let store = InspectorStore.open(dir);
    const watched = store.watch('example.bitrix24.com', 1777, 'chat1777', '2026-03-16T21:00:00.000Z');
    store.close();
    backToVersion11(dir);
    expect(tables(databaseFile(dir))).not.toContain('watch_fired');
    store = InspectorStore.open(dir);
    try {
      expect(store.watchList('example.bitrix24.com')).toEqual([{ ...watched, ownRules: null }]);
      expect(store.firedWatchEvents('example.bitrix24.com', 1777)).toEqual([]);
      expect(store.fireWatchEvents('example.bitrix24.com', 1777, ['session:344'], '2026-03-16T21:05:00.000Z')).toEqual(['session:344']);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => expect(userVersion(db)).toBe(SCHEMA_VERSION));
  });

  it('upgrade a v9 file: history, kept dialogs and transcripts stay as they were, and the watch list starts empty and works', () => {
    let store = InspectorStore.open(dir);
    const { dialog } = documentedDialog();
    store.putDialog('example.bitrix24.com', dialog, null, '2026-03-16T19:54:38.423Z');
    store.putDialog('example.bitrix24.com', { ...dialog, name: 'VIP' }, null, '2026-03-16T20:00:00.000Z');
    const conversation = conversationOf(1777, 343, ['Hello', 'refund please']);
    store.putConversation('example.bitrix24.com', conversation);
    const entry = store.recordLookup({ account: 'example.bitrix24.com', input: 'chat1777', param: 'DIALOG_ID', value: 'chat1777', at: '2026-03-16T20:00:00.000Z', outcome: 'ok', chatId: 1777, elapsedMs: 12, source: 'network' });
    store.close();
    backToVersion9(dir);
    withRaw(databaseFile(dir), (db) => expect(userVersion(db)).toBe(9));
    expect(tables(databaseFile(dir))).not.toContain('watched');

    store = InspectorStore.open(dir);
    try {
      expect(store.listHistory()).toEqual([{ ...entry, name: 'VIP' }]);
      expect(store.snapshots('example.bitrix24.com', 1777).map((copy) => copy.dialog['name'])).toEqual(['VIP', dialog['name']]);
      expect(store.findConversation('example.bitrix24.com', 1777, 343)).toEqual(conversation);
      expect(store.searchDialogs('refund').map((hit) => hit.chatId)).toEqual([1777]);
      expect(store.watchingAccounts()).toEqual([]);
      store.watch('example.bitrix24.com', 1777, 'chat1777', '2026-03-16T21:00:00.000Z');
      expect(store.watchList('example.bitrix24.com')).toEqual([expect.objectContaining({ chatId: 1777, input: 'chat1777', unseen: 0, refreshedAt: null })]);
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
      expect(scalar(db, 'PRAGMA integrity_check')).toBe('ok');
    });
  });

  it('run each step in a transaction: a step that fails leaves the file at the previous version, unchanged', () => {
    withRaw(databaseFile(dir), (db) => {
      db.exec(V1_SCHEMA);
      // A v1 row step 2 cannot read: its backfill throws halfway through.
      db.prepare("INSERT INTO dialogs (account, chat_id, fetched_at, dialog) VALUES ('demo', 1, 'x', ?)").run(JSON.stringify(documentedDialog().dialog));
      db.prepare("INSERT INTO dialogs (account, chat_id, fetched_at, dialog) VALUES ('demo', 2, 'y', '{not json')").run();
    });
    expect(() => InspectorStore.open(dir)).toThrow(SyntaxError);
    withRaw(databaseFile(dir), (db) => {
      expect(userVersion(db)).toBe(1);
      const columns = (db.prepare('PRAGMA table_info(dialogs)').raw(true).all() as unknown[][]).map((row) => row[1]);
      expect(columns).not.toContain('user_code');
      expect(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'dialog_sessions'")).toBe(0);
    });
    // Not damage: the file stays where it is.
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('refuse a file from a newer version of the app and leave it untouched', () => {
    withRaw(databaseFile(dir), (db) => db.exec('CREATE TABLE future (x); PRAGMA user_version = 99'));
    const before = fs.readFileSync(databaseFile(dir));
    expect(() => InspectorStore.open(dir)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
    expect(fs.readFileSync(databaseFile(dir)).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('run once: a second open of an up-to-date file changes nothing and two stores can share it', () => {
    const first = InspectorStore.open(dir);
    const second = InspectorStore.open(dir);
    try {
      const entry = first.recordLookup({ account: 'demo', input: 'x', param: null, value: null, at: '2026-03-16T00:00:00.000Z', outcome: 'INVALID_IDENTIFIER', chatId: null, elapsedMs: 0, source: 'network' });
      expect(second.listHistory()).toEqual([entry]);
    } finally {
      first.close();
      second.close();
    }
    const db = openRaw(databaseFile(dir));
    try {
      expect(userVersion(db)).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });
});
