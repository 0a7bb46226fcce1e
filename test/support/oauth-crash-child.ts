// Run as a child process by oauth-crash.test.ts: looks chat1777 up with a
// saved OAuth account whose access token has expired, and stops dead at one
// point of the refresh, for the parent to kill it there with SIGKILL.
//   before-save  the server has rotated the tokens; they are not saved yet
//   after-save   the rotated tokens are saved; the retried lookup has not gone out
// Prints "<point>" when it gets there, then blocks the whole process.
import fs from 'node:fs';
import { clientForAccount } from '../../main/accounts/account-client';
import { openAccounts } from '../../main/cli/open-accounts';

const [dataDir, account, caFile, point] = process.argv.slice(2);
if (!dataDir || !account || !caFile || (point !== 'before-save' && point !== 'after-save')) {
  throw new Error('usage: oauth-crash-child <dataDir> <account> <ca.pem> <before-save|after-save>');
}

function stopHere(): never {
  fs.writeSync(1, `${point}\n`);
  // Blocks the event loop too, as a hung or killed process would be: nothing else runs.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

const accounts = openAccounts(dataDir);
const save = accounts.saveTokens.bind(accounts);
accounts.saveTokens = (id, tokens) => {
  if (point === 'before-save') stopHere();
  save(id, tokens);
  stopHere();
};
const client = clientForAccount(accounts, account, { extraCertificates: [fs.readFileSync(caFile, 'utf8')], rateLimit: false });
await client.call('imopenlines.dialog.get', { DIALOG_ID: 'chat1777' });
fs.writeSync(1, 'finished\n');
