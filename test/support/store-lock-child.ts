// Run as a child process by store-locked.test.ts and the CLI tests: another
// program holding the store's file locked, the way a database browser or a
// stuck process would. Arguments: <database file> <write|exclusive>.
//   write      BEGIN IMMEDIATE and an uncommitted insert: the write lock. In WAL
//              mode others can still read, but not write.
//   exclusive  locking_mode=EXCLUSIVE and a write: nobody else may even read.
// Prints "locked" once the lock is held; on "release" on stdin rolls back,
// closes, prints "released" and exits.
import fs from 'node:fs';
import readline from 'node:readline';
import Libsql from 'libsql';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'write' && mode !== 'exclusive')) throw new Error('usage: store-lock-child <file> <write|exclusive>');

const db = new Libsql(file);
if (mode === 'exclusive') db.exec('PRAGMA locking_mode = EXCLUSIVE');
db.exec(mode === 'exclusive' ? 'BEGIN EXCLUSIVE' : 'BEGIN IMMEDIATE');
// A real write, so the lock is the one a writer holds, not just a declared intent.
db.exec("INSERT INTO history (account, input, param, value, at, outcome, chat_id, elapsed_ms, source) VALUES ('lock-holder', 'x', NULL, NULL, 'now', 'ok', NULL, 0, 'network')");
fs.writeSync(1, 'locked\n');

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'release') return;
  db.exec('ROLLBACK');
  db.close();
  fs.writeSync(1, 'released\n');
  process.exit(0);
});
