// Brings a file up to SCHEMA_VERSION, one step per transaction: a crash between
// steps leaves a file at a known version, which the next open simply continues.
import { messages } from '../core/messages/index';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { inWriteTransaction, readIntPragma, type SqliteDatabase } from './sqlite';
import { StoreError } from './store-error';

export function schemaVersion(db: SqliteDatabase): number {
  return readIntPragma(db, 'user_version');
}

/** Called before anything is written, so a newer app's file is left exactly as it was. */
export function assertNotNewer(db: SqliteDatabase): void {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) {
    throw new StoreError('STORE_TOO_NEW', messages().errors.store.tooNew(found, SCHEMA_VERSION));
  }
}

export function migrate(db: SqliteDatabase): void {
  assertNotNewer(db);
  const found = schemaVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= found) continue;
    inWriteTransaction(db, () => {
      // Read again under the write lock: another process (the CLI, the app) may have just run it.
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      // user_version is part of the transaction, so the step and its number commit together.
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
}
