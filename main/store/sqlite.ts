// The one place that knows which SQLite binding we use. libsql ships prebuilt
// N-API binaries in the npm package, so the same file loads in Node and in
// Electron with no rebuild step.
import Libsql from 'libsql';
import { StoreError } from './store-error';

export type SqliteDatabase = Libsql.Database;
export type SqliteStatement = Libsql.Statement<unknown[]>;

export function openSqlite(file: string): SqliteDatabase {
  return new Libsql(file);
}

/** SQLite's primary result codes (the low byte of an extended code) that we act on. */
const PRIMARY_CODES: Readonly<Record<number, string>> = {
  3: 'SQLITE_PERM',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  23: 'SQLITE_AUTH',
  26: 'SQLITE_NOTADB',
};

/**
 * SQLite error codes as libsql reports them ('SQLITE_CORRUPT', 'SQLITE_NOTADB'…), else null.
 * libsql names only the extended codes it knows; others (SQLITE_READONLY_DIRECTORY, 1544)
 * come as 'UNKNOWN_SQLITE_ERROR_1544', so those are named by their primary code.
 */
export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown };
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  if (typeof code === 'string' && code.startsWith('UNKNOWN_SQLITE_ERROR') && typeof rawCode === 'number') {
    return PRIMARY_CODES[rawCode & 0xff] ?? null;
  }
  return null;
}

/** True for errors that mean the file's contents are damaged, not that it is busy or unreachable. */
export function isDamagedFileError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

function errnoCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('syscall' in error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : null;
}

/**
 * The store's own error for what the user can act on: a lock held by another
 * program, a full disk, a file the OS will not let us open or write. Anything
 * else is returned as it is. Never adds the path: it is the user's own folder,
 * already known to them, and error text may end up in a report.
 */
export function storeErrorFrom(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const sqlite = sqliteCode(error);
  const errno = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (sqlite?.startsWith('SQLITE_BUSY')) {
    return new StoreError('STORE_BUSY', `The history database is in use by another program (${detail}).`, { cause: error });
  }
  if (sqlite === 'SQLITE_FULL' || errno === 'ENOSPC' || errno === 'EDQUOT') {
    return new StoreError('STORE_DISK_FULL', `The disk holding the history database is full (${detail}).`, { cause: error });
  }
  if (
    sqlite?.startsWith('SQLITE_CANTOPEN') ||
    sqlite?.startsWith('SQLITE_READONLY') ||
    sqlite === 'SQLITE_PERM' ||
    sqlite === 'SQLITE_AUTH' ||
    errno === 'EACCES' ||
    errno === 'EPERM' ||
    errno === 'EROFS'
  ) {
    return new StoreError('STORE_NO_ACCESS', `The history database file cannot be opened or written (${detail}).`, { cause: error });
  }
  return error;
}

/**
 * BEGIN IMMEDIATE takes the write lock up front, so two processes (the app and
 * the CLI) queue on busy_timeout instead of failing on a read-to-write upgrade.
 * It also means a lock held by another program is met here, in exec(), and
 * never by a prepared statement: libsql does not reset a statement that failed
 * with SQLITE_BUSY, and such a statement stays active, keeping every
 * checkpoint of this connection out (SQLITE_LOCKED) until it is collected.
 * libsql's own transaction() masks the real error when SQLite has already
 * rolled back (SQLITE_FULL does), so this keeps the original one.
 * Inside a transaction already open, `work` simply joins it.
 */
export function inWriteTransaction<T>(db: SqliteDatabase, work: () => T): T {
  if (db.inTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Several reads that must see one state of the file (WAL gives each
 * transaction a snapshot). The snapshot is taken by exec() at once, so a lock
 * that blocks reading (another program's exclusive lock) fails here, not in a
 * prepared statement (see inWriteTransaction). Inside a transaction already
 * open, `work` simply joins it.
 */
export function inReadTransaction<T>(db: SqliteDatabase, work: () => T): T {
  if (db.inTransaction) return work();
  db.exec('BEGIN DEFERRED');
  try {
    db.exec('SELECT 1 FROM sqlite_master LIMIT 1');
    return work();
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

/** An integer pragma's value; libsql returns rows (with extra keys) even with {simple: true}. */
export function readIntPragma(db: SqliteDatabase, name: string): number {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
  const value = row?.[name];
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} returned no number`);
  return value;
}
