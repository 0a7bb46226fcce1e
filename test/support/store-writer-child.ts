// Run as a child process by store-faults.test.ts: writes dialogs and history
// entries to the store without end, printing one line after each commit, until
// the test kills it with SIGKILL. Arguments: <dataDir> <first index>.
import fs from 'node:fs';
import { InspectorStore } from '../../main/store/index';
import { documentedDialog, withSession } from './store-fixtures';

const [dataDir, firstArg] = process.argv.slice(2);
if (!dataDir || !firstArg) throw new Error('usage: store-writer-child <dataDir> <first index>');

const store = InspectorStore.open(dataDir);
const { dialog, time } = documentedDialog();
// Large enough that a commit spans several pages, so a kill can land mid-write.
const padding = 'Ж🌸'.repeat(2000);

// fs.writeSync: stdout to a pipe is asynchronous on some systems, and a line
// lost at the kill would make the parent think a committed write was not.
const say = (line: string) => fs.writeSync(1, `${line}\n`);

for (let i = Number(firstArg); ; i += 1) {
  const chatId = 100_000 + i;
  store.putDialog(
    `account-${i % 2}`,
    { ...withSession(dialog, 400_000 + chatId), id: chatId, dialog_id: `chat${chatId}`, description: padding },
    time,
    new Date().toISOString(),
  );
  say(`dialog ${i}`);
  store.recordLookup({
    account: `account-${i % 2}`,
    input: `lookup ${i}`,
    param: 'CHAT_ID',
    value: String(chatId),
    at: new Date().toISOString(),
    outcome: 'ok',
    chatId,
    elapsedMs: i,
    source: 'network',
  });
  say(`history ${i}`);
}
