// Run as a child process: fills a store with <count> dialogs and lookups and
// closes it, as an earlier run of the app would have. A separate process, so
// the test's own process holds no connection to the file it then damages.
import { InspectorStore } from '../../main/store/index';
import { documentedDialog } from './store-fixtures';

const [dataDir, countArg] = process.argv.slice(2);
if (!dataDir || !countArg) throw new Error('usage: store-fill-child <dataDir> <count>');

const store = InspectorStore.open(dataDir);
const { dialog, time } = documentedDialog();
for (let i = 1; i <= Number(countArg); i += 1) {
  store.putDialog('demo', { ...dialog, id: i, dialog_id: `chat${i}` }, time, new Date().toISOString());
  store.recordLookup({ account: 'demo', input: String(i), param: 'CHAT_ID', value: String(i), at: new Date().toISOString(), outcome: 'ok', chatId: i, elapsedMs: 1, source: 'network' });
}
store.close();
