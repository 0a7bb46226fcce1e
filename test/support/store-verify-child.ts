// Run as a child process after a crash: opens the store as a restarted app
// would, and prints what it finds as one JSON line. A fresh process, because a
// reopen must be judged the way the next start of the app would see the file.
import Libsql from 'libsql';
import { InspectorStore } from '../../main/store/index';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: store-verify-child <dataDir>');

const store = InspectorStore.open(dataDir);
const raw = new Libsql(store.file);
const integrity = (raw.prepare('PRAGMA integrity_check').raw(true).all() as unknown[][]).map((row) => String(row[0])).join('\n');
const rows = raw.prepare('SELECT account, chat_id FROM dialogs').raw(true).all() as Array<[string, number]>;
const dialogs = rows.map(([account, chatId]) => {
  // The writer puts session 400000 + chat id into entity_data_1: the API must find it that way too.
  const found = store.findDialog(account, { param: 'SESSION_ID', value: 400_000 + chatId });
  return { account, chatId, foundBySession: found?.chatId === chatId };
});
const history = store.listHistory({ limit: 1_000_000 }).map((entry) => entry.input);
process.stdout.write(`${JSON.stringify({ recovered: store.report.recovered, integrity, dialogs, history })}\n`);
store.close();
