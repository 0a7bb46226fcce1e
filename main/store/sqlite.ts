// The one place that knows which SQLite binding we use. libsql ships prebuilt
// N-API binaries in the npm package, so the same file loads in Node and in
// Electron with no rebuild step.
import Libsql from 'libsql';

export type SqliteDatabase = Libsql.Database;
export type SqliteStatement = Libsql.Statement<unknown[]>;

export function openSqlite(file: string): SqliteDatabase {
  return new Libsql(file);
}

/** SQLite error codes as libsql reports them ('SQLITE_CORRUPT', 'SQLITE_NOTADB'…), else null. */
export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** True for errors that mean the file's contents are damaged, not that it is busy or unreachable. */
export function isDamagedFileError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

/**
 * BEGIN IMMEDIATE takes the write lock up front, so two processes (the app and
 * the CLI) queue on busy_timeout instead of failing on a read-to-write upgrade.
 * libsql's own transaction() masks the real error when SQLite has already
 * rolled back (SQLITE_FULL does), so this keeps the original one.
 */
export function inWriteTransaction<T>(db: SqliteDatabase, work: () => T): T {
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

/** Several reads that must see one state of the file (WAL gives each transaction a snapshot). */
export function inReadTransaction<T>(db: SqliteDatabase, work: () => T): T {
  db.exec('BEGIN DEFERRED');
  try {
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
