// Run as a child process: a store with the documented dialog (chat1777) and
// one lookup of it, written and closed as an earlier run would have. A child,
// because libsql keeps a closed connection alive until garbage collection, and
// one left in the test's process would keep another program from taking an
// exclusive lock on the file. Arguments: <dataDir> [account, default demo].
import { InspectorStore } from '../../main/store/index';
import { documentedDialog } from './store-fixtures';

const [dataDir, account = 'demo'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: store-seed-child <dataDir>');

const FETCHED = '2026-03-16T10:00:00.000Z';
const store = InspectorStore.open(dataDir);
const { dialog, time } = documentedDialog();
store.putDialog(account, dialog, time, FETCHED);
store.recordLookup({ account, input: 'chat1777', param: 'DIALOG_ID', value: 'chat1777', at: FETCHED, outcome: 'ok', chatId: 1777, elapsedMs: 5, source: 'network' });
store.close();
