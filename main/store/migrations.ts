// The schema, as an ordered list of steps. A step is never edited once it has
// shipped: a change is a new step at the end. Each runs in its own transaction
// (see migrate.ts) and the file's PRAGMA user_version says how many have run.
//
// Why two steps on day one: the identifier indexes are a step of their own so
// that the upgrade path (a file with data, at the previous version) is
// exercised by the tests before any user depends on it.
import type { RawDialog } from '../core/dialog-types';
import { namesInDialog } from '../core/user-names';
import { nameOf, sessionIdOf, userCodeOf } from './dialog-keys';
import type { Conversation } from '../core/conversation-types';
import { MessageIndex } from './message-index';
import { SearchIndex } from './search-index';
import { UserNameTable } from './user-name-table';
import type { SqliteDatabase } from './sqlite';

export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDatabase): void;
}

const coreTables: Migration = {
  version: 1,
  name: 'history, latest dialogs and their older snapshots',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a deleted entry's id is never reused, so a stale UI row
      -- can never pin or delete a different lookup.
      CREATE TABLE history (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        account    TEXT    NOT NULL,
        input      TEXT    NOT NULL,
        param      TEXT,
        value      TEXT,
        at         TEXT    NOT NULL,
        outcome    TEXT    NOT NULL,
        chat_id    INTEGER,
        elapsed_ms REAL    NOT NULL,
        source     TEXT    NOT NULL CHECK (source IN ('network', 'cache')),
        pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
      );
      -- The history panel pages newest-first within one account.
      CREATE INDEX history_by_account ON history (account, id);

      -- The latest copy of each dialog: its JSON is stored here and only here.
      CREATE TABLE dialogs (
        account    TEXT    NOT NULL,
        chat_id    INTEGER NOT NULL,
        fetched_at TEXT    NOT NULL,
        dialog     TEXT    NOT NULL,
        time       TEXT,
        PRIMARY KEY (account, chat_id)
      );

      -- Older versions only; the latest one is the row in dialogs.
      CREATE TABLE snapshots (
        id         INTEGER PRIMARY KEY,
        account    TEXT    NOT NULL,
        chat_id    INTEGER NOT NULL,
        fetched_at TEXT    NOT NULL,
        dialog     TEXT    NOT NULL,
        time       TEXT
      );
      CREATE INDEX snapshots_by_dialog ON snapshots (account, chat_id, id);
    `);
  },
};

const identifierIndexes: Migration = {
  version: 2,
  name: 'user code and session id indexes',
  up(db) {
    db.exec(`
      ALTER TABLE dialogs ADD COLUMN user_code TEXT;
      CREATE INDEX dialogs_by_user_code ON dialogs (account, user_code);

      -- Every session id ever seen for a chat, so an old session id still finds it.
      CREATE TABLE dialog_sessions (
        account    TEXT    NOT NULL,
        session_id INTEGER NOT NULL,
        chat_id    INTEGER NOT NULL,
        PRIMARY KEY (account, session_id)
      ) WITHOUT ROWID;
    `);

    const setUserCode = db.prepare('UPDATE dialogs SET user_code = ? WHERE account = ? AND chat_id = ?');
    const addSession = db.prepare(
      `INSERT INTO dialog_sessions (account, session_id, chat_id) VALUES (?, ?, ?)
       ON CONFLICT (account, session_id) DO UPDATE SET chat_id = excluded.chat_id`,
    );
    type Row = { account: string; chat_id: number; dialog: string };
    const older = db.prepare('SELECT account, chat_id, dialog FROM snapshots ORDER BY id').all() as Row[];
    const latest = db.prepare('SELECT account, chat_id, dialog FROM dialogs ORDER BY fetched_at').all() as Row[];
    // Older versions first, so where two chats claim one session the newest
    // sighting wins, as it does in putDialog.
    for (const row of [...older, ...latest]) {
      const sessionId = sessionIdOf(JSON.parse(row.dialog) as RawDialog);
      if (sessionId !== null) addSession.run(row.account, sessionId, row.chat_id);
    }
    for (const row of latest) {
      setUserCode.run(userCodeOf(JSON.parse(row.dialog) as RawDialog), row.account, row.chat_id);
    }
  },
};

const searchIndex: Migration = {
  version: 3,
  name: 'full-text search over the latest copy of each dialog',
  up(db) {
    // Contentless (content=''): the index keeps its tokens and nothing else, so
    // no text is stored twice; snippets are made from the dialog's own JSON.
    // contentless_delete=1 lets putDialog replace a dialog's row by rowid.
    // The rowid is the dialogs row's rowid, which putDialog renews on every
    // put, so among equal ranks the larger rowid is the more recent copy.
    // prefix '1 2': one- and two-character prefixes ("g", "12") are terms of
    // their own instead of a merge of thousands of ids. The tokenizer and the
    // columns are explained in search-text.ts.
    // Measured at 100,000 dialogs: about 330 bytes per dialog.
    db.exec(`
      CREATE VIRTUAL TABLE dialog_search USING fts5 (
        account, name, ids, crm, line, description, people,
        content = '', contentless_delete = 1, prefix = '1 2',
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
      );
    `);
    // Backfill with today's indexedColumns(); should what is indexed change, a new
    // step rebuilds the table ('delete-all', then the same loop), this one stays.
    // Backfill, and renumber the dialogs oldest fetch first so that rowid order
    // is fetch order from the start (v1 and v2 kept a dialog's first rowid).
    const index = new SearchIndex(db);
    const renumber = db.prepare('UPDATE dialogs SET rowid = ? WHERE rowid = ?');
    type Row = { id: number; account: string; chat_id: number; dialog: string };
    const rows = db.prepare('SELECT rowid AS id, account, chat_id, dialog FROM dialogs ORDER BY fetched_at, rowid').all() as Row[];
    let next = Number((db.prepare('SELECT coalesce(max(rowid), 0) AS top FROM dialogs').get() as { top: number }).top) + 1;
    for (const row of rows) {
      const dialog = JSON.parse(row.dialog) as RawDialog;
      renumber.run(next, row.id);
      index.add(next, row.account, dialog, row.chat_id);
      next += 1;
    }
  },
};

const searchIndexMerging: Migration = {
  version: 4,
  name: 'merge search index segments that updates have thinned out',
  up(db) {
    // Each put of a dialog seen before deletes its old index row: contentless
    // deletes leave the old entries in place, marked deleted, and every search
    // walks past them. FTS5 merges such a segment once this percentage of it is
    // deleted (default 10), in small steps during later writes. Measured at
    // 100,000 dialogs with a tenth updated: a broad query went from 14 ms to 5.
    db.exec("INSERT INTO dialog_search (dialog_search, rank) VALUES ('deletemerge', 5)");
  },
};

const namesAndSessionSearch: Migration = {
  version: 5,
  name: 'dialog names for the history, and every session id seen in the search index',
  up(db) {
    // dialogs.name: the history shows (and its search matches) the name of the
    // kept dialog a lookup found, one seek per entry in dialogs_names. That
    // index covers the join: the name column sits after the dialog's JSON, and
    // reading it from the table walks the JSON's overflow pages (a history
    // search that matched nothing in 10,000 entries: 28 ms from the table, 15 from the index).
    // dialog_sessions_by_chat: putDialog reads every session id seen for the
    // chat, which the search index now holds in the ids column.
    db.exec(`
      ALTER TABLE dialogs ADD COLUMN name TEXT;
      CREATE INDEX dialogs_names ON dialogs (account, chat_id, name);
      CREATE INDEX dialog_sessions_by_chat ON dialog_sessions (account, chat_id);
      INSERT INTO dialog_search (dialog_search) VALUES ('delete-all');
    `);
    // Rebuilt with today's indexedColumns(), rowids kept (they are already in fetch order).
    const index = new SearchIndex(db);
    const setName = db.prepare('UPDATE dialogs SET name = ? WHERE rowid = ?');
    const sessionsOf = db.prepare('SELECT session_id FROM dialog_sessions WHERE account = ? AND chat_id = ? ORDER BY session_id');
    type Row = { id: number; account: string; chat_id: number; dialog: string };
    // A page at a time: 100,000 kept dialogs read at once would hold a quarter of a gigabyte of JSON.
    const page = db.prepare('SELECT rowid AS id, account, chat_id, dialog FROM dialogs WHERE rowid > ? ORDER BY rowid LIMIT 500');
    for (let after = 0, rows = page.all(after) as Row[]; rows.length > 0; rows = page.all(after) as Row[]) {
      for (const row of rows) {
        const dialog = JSON.parse(row.dialog) as RawDialog;
        setName.run(nameOf(dialog), row.id);
        const sessionIds = (sessionsOf.all(row.account, row.chat_id) as Array<{ session_id: number }>).map((session) => session.session_id);
        index.add(row.id, row.account, dialog, row.chat_id, sessionIds);
        after = row.id;
      }
    }
  },
};

const userNames: Migration = {
  version: 6,
  name: 'the names of users per account, gathered from the kept dialogs',
  up(db) {
    db.exec(`
      CREATE TABLE user_names (
        account TEXT NOT NULL,
        user_id TEXT NOT NULL,
        name    TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (account, user_id)
      ) WITHOUT ROWID;
    `);
    // Every copy kept, one at a time (not sorted: SQLite would sort the JSON
    // too), keeping each user's newest name; written after the read, which
    // holds the connection.
    type Row = { account: string; fetched_at: string; dialog: string };
    const copies = db.prepare('SELECT account, fetched_at, dialog FROM snapshots UNION ALL SELECT account, fetched_at, dialog FROM dialogs');
    const seen = new Map<string, { account: string; id: string; name: string; at: string }>();
    for (const row of copies.iterate() as Iterable<Row>) {
      for (const [id, name] of Object.entries(namesInDialog(JSON.parse(row.dialog) as RawDialog))) {
        const key = JSON.stringify([row.account, id]);
        const before = seen.get(key);
        if (before === undefined || row.fetched_at >= before.at) seen.set(key, { account: row.account, id, name, at: row.fetched_at });
      }
    }
    const table = new UserNameTable(db);
    for (const { account, id, name, at } of seen.values()) table.remember(account, { [id]: name }, at);
  },
};

const conversations: Migration = {
  version: 7,
  name: 'the conversations kept, one transcript per session',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        account      TEXT    NOT NULL,
        chat_id      INTEGER NOT NULL,
        session_id   INTEGER NOT NULL,
        fetched_at   TEXT    NOT NULL,
        conversation TEXT    NOT NULL,
        PRIMARY KEY (account, chat_id, session_id)
      );
    `);
  },
};

const messageSearch: Migration = {
  version: 8,
  name: 'full-text search over the messages of the kept conversations',
  up(db) {
    // conversations gets an id of its own (INTEGER PRIMARY KEY): the message
    // index's rowids are made from it (see message-index.ts), and VACUUM may
    // renumber the implicit rowid of a table without one. The UNIQUE key is the
    // old primary key, so the upsert and every read stay as they were.
    // message_search is contentless, like dialog_search: the text is already in
    // the transcript's JSON, so only the tokens are kept; contentless_delete=1
    // lets a session's rows be deleted by their rowid range when it is kept
    // again. No prefix index: it would double the index for one- and
    // two-letter words, which the message search never asks (messageSearchable).
    db.exec(`
      CREATE TABLE conversations_v8 (
        id           INTEGER PRIMARY KEY,
        account      TEXT    NOT NULL,
        chat_id      INTEGER NOT NULL,
        session_id   INTEGER NOT NULL,
        fetched_at   TEXT    NOT NULL,
        conversation TEXT    NOT NULL,
        UNIQUE (account, chat_id, session_id)
      );
      INSERT INTO conversations_v8 (id, account, chat_id, session_id, fetched_at, conversation)
        SELECT rowid, account, chat_id, session_id, fetched_at, conversation FROM conversations ORDER BY rowid;
      DROP TABLE conversations;
      ALTER TABLE conversations_v8 RENAME TO conversations;

      CREATE VIRTUAL TABLE message_search USING fts5 (
        text,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
      );
      INSERT INTO message_search (message_search, rank) VALUES ('deletemerge', 5);
    `);
    // A page of transcripts at a time: each is up to a few hundred kilobytes of JSON.
    const index = new MessageIndex(db);
    type Row = { id: number; conversation: string };
    const page = db.prepare('SELECT id, conversation FROM conversations WHERE id > ? ORDER BY id LIMIT 50');
    for (let after = 0, rows = page.all(after) as Row[]; rows.length > 0; rows = page.all(after) as Row[]) {
      for (const row of rows) {
        index.add(row.id, JSON.parse(row.conversation) as Conversation);
        after = row.id;
      }
    }
  },
};

const messagesApart: Migration = {
  version: 9,
  name: 'each kept message in a row of its own, keyed as its index row',
  up(db) {
    // A search hit reads one message, and a session kept again compares its
    // messages one by one: inside the transcript's JSON both read the whole
    // transcript (a few hundred kilobytes from its overflow pages), which cost
    // a page of 30 message hits 6 ms at a million kept messages. Each message
    // is a row whose id is its message_search rowid (conversations.id × 2^20 +
    // its place), so the index built by step 8 stays as it is, and a
    // session's messages are one range of the table's own key.
    // conversations.conversation keeps the rest of the transcript (authors,
    // rating, timings…), its messages taken out. messages_digest: a digest of
    // the messages' JSON, so a session looked up again with the same messages
    // (the usual case) is known without reading them; null until the next put.
    db.exec(`
      ALTER TABLE conversations ADD COLUMN messages_digest TEXT;
      CREATE TABLE conversation_messages (
        id      INTEGER PRIMARY KEY,
        message TEXT    NOT NULL
      );

      -- The store merges the message index's segments in later ticks, a step
      -- at a time (InspectorStore, tidy), wherever a level holds 3 of them:
      -- FTS5's own merging (automerge 4) then finds nothing due in a put's
      -- commit, where it merged 64 pages per level at once every few puts.
      INSERT INTO message_search (message_search, rank) VALUES ('usermerge', 3);
    `);
    // A page of transcripts at a time, each moved and then cut from its JSON,
    // so the pages the JSON frees hold the next page's messages: moved all at
    // once, a million messages' file went from 350 MB to 648 MB.
    const move = db.prepare(
      `INSERT INTO conversation_messages (id, message)
         SELECT c.id * 1048576 + m.key, m.value FROM conversations c, json_each(c.conversation, '$.messages') m
         WHERE c.id > ?1 AND c.id <= ?2 AND m.key < 1048576 ORDER BY c.id, m.key`,
    );
    const cut = db.prepare("UPDATE conversations SET conversation = json_remove(conversation, '$.messages') WHERE id > ?1 AND id <= ?2");
    const page = db.prepare('SELECT max(id) AS last FROM (SELECT id FROM conversations WHERE id > ? ORDER BY id LIMIT 50)');
    for (let after = 0, last = (page.get(after) as { last: number | null }).last; last !== null; last = (page.get(after) as { last: number | null }).last) {
      move.run(after, last);
      cut.run(after, last);
      after = Number(last);
    }
  },
};

const watchList: Migration = {
  version: 10,
  name: 'the watch list: dialogs refreshed in the background, per account',
  up(db) {
    // One row per watched dialog of an account. The last seen state is not
    // here: it is the dialog's latest kept copy (dialogs), which the watch
    // keeps up to date, so a restart compares with what was last seen and
    // never reports a change twice. last_changes: the words of the last
    // refresh that found any (a JSON array), for the list to show.
    // unseen: changes found since the user last marked the dialog seen.
    db.exec(`
      CREATE TABLE watched (
        account      TEXT    NOT NULL,
        chat_id      INTEGER NOT NULL,
        input        TEXT    NOT NULL,
        added_at     TEXT    NOT NULL,
        refreshed_at TEXT,
        changed_at   TEXT,
        last_changes TEXT,
        last_error   TEXT,
        unseen       INTEGER NOT NULL DEFAULT 0 CHECK (unseen >= 0),
        PRIMARY KEY (account, chat_id)
      ) WITHOUT ROWID;
    `);
  },
};

const bulkRuns: Migration = {
  version: 11,
  name: 'bulk runs in the history: each run one entry that reopens its table',
  up(db) {
    // A run is a history entry (outcome 'bulk') and its table here, the
    // BulkRunResult as JSON; the tally is apart so the list need not read it.
    // The trigger takes a run's table with its entry, however the entry goes
    // (deleted, cleared, pruned by retention).
    db.exec(`
      CREATE TABLE bulk_runs (
        history_id INTEGER PRIMARY KEY,
        run_id     TEXT    NOT NULL,
        total      INTEGER NOT NULL,
        found      INTEGER NOT NULL,
        kept       INTEGER NOT NULL,
        failed     INTEGER NOT NULL,
        cancelled  INTEGER NOT NULL,
        result     TEXT    NOT NULL
      );
      CREATE INDEX bulk_runs_by_run ON bulk_runs (run_id);
      CREATE TRIGGER bulk_runs_go_with_their_entry AFTER DELETE ON history
      BEGIN
        DELETE FROM bulk_runs WHERE history_id = old.id;
      END;
    `);
  },
};

const watchRules: Migration = {
  version: 12,
  name: 'notification rules per watched dialog, and the events they fired',
  up(db) {
    // rules: the dialog's own rule set as JSON (main/core/watch-rules.ts);
    // NULL follows the list's, which the settings make. watch_fired: each
    // event a rule fired for, by its key, so that a restart never says it
    // again; a dialog's keys go with its watch (the trigger), however it goes.
    db.exec(`
      ALTER TABLE watched ADD COLUMN rules TEXT;
      CREATE TABLE watch_fired (
        account   TEXT    NOT NULL,
        chat_id   INTEGER NOT NULL,
        event_key TEXT    NOT NULL,
        fired_at  TEXT    NOT NULL,
        PRIMARY KEY (account, chat_id, event_key)
      );
      CREATE TRIGGER watch_fired_go_with_their_watch AFTER DELETE ON watched
      BEGIN
        DELETE FROM watch_fired WHERE account = old.account AND chat_id = old.chat_id;
      END;
    `);
  },
};

const lastOverview: Migration = {
  version: 13,
  name: 'the last overview refresh that reached the portal, per account',
  up(db) {
    // Shown, stamped, when a refresh cannot reach the portal, after a restart
    // too: one row an account, the OverviewResult as JSON.
    db.exec(`
      CREATE TABLE last_overview (
        account    TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        result     TEXT NOT NULL
      );
    `);
  },
};

export const MIGRATIONS: readonly Migration[] = [
  coreTables,
  identifierIndexes,
  searchIndex,
  searchIndexMerging,
  namesAndSessionSearch,
  userNames,
  conversations,
  messageSearch,
  messagesApart,
  watchList,
  bulkRuns,
  watchRules,
  lastOverview,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
