// Opens (or creates) the database file with the settings every connection
// needs, brings its schema up to date, and, when the file is damaged, moves it
// aside and starts afresh rather than leaving the app and the CLI unable to start.
import fs from 'node:fs';
import { messages } from '../core/messages/index';
import { headerProblem } from './file-header';
import { assertNotNewer, migrate } from './migrate';
import { moveAside } from './move-aside';
import { isDamagedFileError, openSqlite, type SqliteDatabase } from './sqlite';
import type { RecoveredFile } from './store-types';

/**
 * How long a call waits for another process's lock before failing with
 * STORE_BUSY. The store is synchronous and, in the app, runs on the main
 * process: every millisecond waited here is a frozen window. Our own writes
 * (the app's and the CLI's) hold the lock for a few milliseconds, so 250 ms
 * outlasts them many times over; a lock held longer belongs to something else
 * (a database browser, a backup tool, a stuck process), and then telling the
 * user at once beats freezing for seconds and failing anyway.
 */
export const BUSY_TIMEOUT_MS = 250;

const KNOWN_TABLES = ['history', 'dialogs', 'snapshots', 'dialog_sessions'];

function configure(db: SqliteDatabase): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Before anything is written: switching to WAL rewrites the header, and a
  // newer app's file must stay exactly as it was.
  assertNotNewer(db);
  // WAL: a crash mid-write leaves the last committed state; readers never block the writer.
  db.exec('PRAGMA journal_mode = WAL');
  // FULL rather than NORMAL: with NORMAL a power cut can lose the last commits
  // (never corrupt the file). Writes come one per lookup, at human pace, so the
  // fsync per commit costs nothing anyone can notice, and a lookup the lead saw
  // recorded stays recorded.
  db.exec('PRAGMA synchronous = FULL');
}

/**
 * Reads the schema and the first page of each of our tables, so damage that
 * SQLite would only report on first use is found while the file can still be
 * moved aside. Cheap: whole tables are not read (a full quick_check would).
 *
 * Only exec(), never prepare(): libsql keeps a connection open, as a zombie,
 * while any prepared statement is alive, and a zombie that closes later (on
 * garbage collection) deletes "<file>-wal" and "-shm" by name, which by then
 * would belong to the fresh database. With no statements, close() is real.
 */
function damageFoundByReading(file: string): string | null {
  const db = openSqlite(file);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec('SELECT * FROM sqlite_master');
    for (const table of KNOWN_TABLES) {
      try {
        db.exec(`SELECT * FROM "${table}" LIMIT 1`);
      } catch (error) {
        // "no such table" is a file at an older version, which migrate() handles.
        if (isDamagedFileError(error)) throw error;
      }
    }
    return null;
  } catch (error) {
    // Busy, locked or unreadable is not damage: the file stays where it is.
    if (!isDamagedFileError(error)) throw error;
    return messages().errors.store.damaged((error as Error).message);
  } finally {
    db.close();
  }
}

/**
 * A rollback journal beside the file means another program is writing it in
 * place (or crashed doing so): its header and size can be half-way between two
 * states, which is not damage. SQLite rolls the journal back on open; the
 * reading probe still catches real damage after that.
 */
function hotJournal(file: string): boolean {
  try {
    return fs.statSync(`${file}-journal`).size > 0;
  } catch {
    return false;
  }
}

export function openDatabase(file: string): { db: SqliteDatabase; recovered: RecoveredFile[] } {
  const problem = (hotJournal(file) ? null : headerProblem(file)) ?? damageFoundByReading(file);
  const recovered = problem === null ? [] : [moveAside(file, problem)];
  const db = openSqlite(file);
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, recovered };
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}
