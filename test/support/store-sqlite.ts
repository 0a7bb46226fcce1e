// Direct access to the store's file, for tests that check what is on disk
// (schema, row counts, integrity) rather than what the API returns.
import path from 'node:path';
import Libsql from 'libsql';
import { DATABASE_FILE_NAME } from '../../main/store/index';

export type RawDb = Libsql.Database;

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

export function openRaw(file: string): RawDb {
  return new Libsql(file);
}

export function withRaw<T>(file: string, work: (db: RawDb) => T): T {
  const db = openRaw(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export function scalar(db: RawDb, sql: string, ...params: unknown[]): unknown {
  const row = db.prepare(sql).raw(true).get(...params) as unknown[] | undefined;
  return row?.[0];
}

export function userVersion(db: RawDb): number {
  return Number(scalar(db, 'PRAGMA user_version'));
}
