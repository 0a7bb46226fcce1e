// Another program holding the database file locked, for real: a child process
// with its own SQLite connection holds the write lock, or an exclusive lock
// that blocks even reading. A locked file is not a damaged one: nothing is
// moved aside, the store says STORE_BUSY in words, lookups go on, and once the
// lock goes the same store (or the next open) works again.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LookupService } from '../../main/api/lookup-service';
import { InspectorError, toEnvelope } from '../../main/core/error-codes';
import { parseIdentifier } from '../../main/core/identifier';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore, StoreError, type NewHistoryEntry } from '../../main/store/index';
import { holdLock, type LockHolder } from '../support/lock-holder';
import { documentedDialog } from '../support/store-fixtures';
import { databaseFile, scalar, withRaw } from '../support/store-sqlite';
import { makeTempDir } from '../support/temp-dir';

const SEEDER = fileURLToPath(new URL('../support/store-seed-child.ts', import.meta.url));

let dir: string;
let remove: () => Promise<void>;
let holder: LockHolder | null = null;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-store-locked-'));
});

afterEach(async () => {
  holder?.stop();
  holder = null;
  await remove();
});

const FETCHED = '2026-03-16T10:00:00.000Z';

function entry(input: string): NewHistoryEntry {
  return { account: 'demo', input, param: 'DIALOG_ID', value: input, at: FETCHED, outcome: 'ok', chatId: 1777, elapsedMs: 5, source: 'network' };
}

/** A store written and closed earlier, by another process: chat1777 cached, one lookup of it. */
function seed(account = 'demo'): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SEEDER, dir, account], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr}`);
}

function thrown(work: () => unknown): StoreError {
  try {
    work();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

function fingerprint(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function expectBusy(error: StoreError): void {
  expect(error.code).toBe('STORE_BUSY');
  // What the app and the CLI show: the catalogue's words, not "something went wrong".
  expect(error).toBeInstanceOf(InspectorError);
  const envelope = toEnvelope(error);
  expect(envelope.code).toBe('STORE_BUSY');
  expect(envelope.message).toMatch(/in use by another program/);
  expect(envelope.message).toMatch(/Lookups still work; history will not be saved until/);
  expect(envelope.retryable).toBe(true);
}

const asideFiles = () => fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'));

describe('another program holds the write lock', () => {
  it('opens (nothing moved aside), reads go on, writes fail with STORE_BUSY, and work again once the lock goes', async () => {
    seed();
    holder = await holdLock(databaseFile(dir), 'write');

    const store = InspectorStore.open(dir);
    try {
      expect(store.report.recovered).toEqual([]);
      expect(asideFiles()).toEqual([]);
      // WAL: the holder's uncommitted row is invisible, the committed ones readable.
      expect(store.listHistory().map((e) => e.input)).toEqual(['chat1777']);
      expect(store.findDialog('demo', { param: 'SESSION_ID', value: 343 })?.chatId).toBe(1777);
      expect(store.searchDialogs('Green').map((hit) => hit.chatId)).toEqual([1777]);

      const { dialog, time } = documentedDialog();
      expectBusy(thrown(() => store.putDialog('demo', { ...dialog, name: 'renamed' }, time, '2026-03-17T00:00:00.000Z')));
      expectBusy(thrown(() => store.recordLookup(entry('while locked'))));
      expectBusy(thrown(() => store.pruneHistory({ maxEntries: 0, maxAgeDays: 0 })));
      // A refused put left nothing behind: still one copy, no snapshot of it.
      expect(store.snapshots('demo', 1777).map((copy) => copy.fetchedAt)).toEqual([FETCHED]);

      await holder.release();
      holder = null;
      // The same store, no reopen: the next call simply gets the lock.
      store.putDialog('demo', { ...dialog, name: 'renamed' }, time, '2026-03-17T00:00:00.000Z');
      store.recordLookup(entry('after the lock'));
      expect(store.listHistory().map((e) => e.input)).toEqual(['after the lock', 'chat1777']);
      expect(store.findDialog('demo', { param: 'CHAT_ID', value: 1777 })?.dialog['name']).toBe('renamed');
    } finally {
      store.close();
    }
    withRaw(databaseFile(dir), (db) => {
      expect(scalar(db, 'PRAGMA integrity_check')).toBe('ok');
      // The holder's insert was never committed.
      expect(scalar(db, "SELECT count(*) FROM history WHERE account = 'lock-holder'")).toBe(0);
    });
  });

  it('closes while another program holds the write lock, and loses nothing', async () => {
    seed();
    const store = InspectorStore.open(dir);
    store.recordLookup(entry('before the lock'));
    holder = await holdLock(databaseFile(dir), 'write');
    // The log cannot be folded into the file now; it stays beside it, complete.
    expect(() => store.close()).not.toThrow();
    await holder.release();
    holder = null;
    const again = InspectorStore.open(dir);
    expect(again.listHistory().map((e) => e.input)).toEqual(['before the lock', 'chat1777']);
    again.close();
  });
});

describe('another program holds an exclusive lock (nobody else may even read)', () => {
  it('refuses to open with STORE_BUSY, leaves the file exactly as it was, and opens once the lock goes', async () => {
    seed();
    const before = fingerprint(databaseFile(dir));
    holder = await holdLock(databaseFile(dir), 'exclusive');

    expectBusy(thrown(() => InspectorStore.open(dir)));
    expect(asideFiles()).toEqual([]);
    expect(fs.existsSync(databaseFile(dir))).toBe(true);
    await holder.release();
    holder = null;
    expect(fingerprint(databaseFile(dir))).toBe(before);

    const store = InspectorStore.open(dir);
    try {
      expect(store.report.recovered).toEqual([]);
      expect(store.listHistory().map((e) => e.input)).toEqual(['chat1777']);
    } finally {
      store.close();
    }
  });
});

describe('a lookup on a locked database', () => {
  let emulator: Emulator;
  let client: PortalClient;

  beforeEach(async () => {
    emulator = await startEmulator({ rateLimit: false });
    client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, rateLimit: false });
  });
  afterEach(async () => {
    client.close();
    await emulator.close();
  });

  /** As the app does it: the store opened on first need, a failed open tried again on the next lookup. */
  function lazyStore(): { service: LookupService; close(): void } {
    let store: InspectorStore | null = null;
    return {
      service: new LookupService(async () => (store ??= InspectorStore.open(dir))),
      close: () => store?.close(),
    };
  }

  it('write lock: the lookup answers, says it was not saved, and the next one after the lock is saved', async () => {
    seed(client.portal.host);
    const { service, close } = lazyStore();
    try {
      holder = await holdLock(databaseFile(dir), 'write');
      const locked = await service.run(client, parseIdentifier('chat1777', 'chat'));
      expect(locked.dialog.id).toBe(1777);
      expect(locked.source).toBe('network');
      // Reads still work under a write lock: the changes card is there.
      expect(locked.changes).not.toBeNull();
      expect(locked.storeWarning?.code).toBe('STORE_BUSY');
      expect(locked.storeWarning?.message).toMatch(/in use by another program.*this lookup was not saved to history/);

      await holder.release();
      holder = null;
      const after = await service.run(client, parseIdentifier('1777', 'chat'));
      expect(after.storeWarning).toBeUndefined();
    } finally {
      close();
    }
    const store = InspectorStore.open(dir);
    // The locked lookup left no trace; the one after it is there.
    expect(store.listHistory().map((e) => e.input)).toEqual(['1777', 'chat1777']);
    store.close();
  });

  it('exclusive lock from the start: the lookup answers with the warning; after the lock the store opens and saves', async () => {
    seed(client.portal.host);
    holder = await holdLock(databaseFile(dir), 'exclusive');
    const { service, close } = lazyStore();
    try {
      const locked = await service.run(client, parseIdentifier('chat1777', 'chat'));
      expect(locked.dialog.id).toBe(1777);
      expect(locked.storeWarning?.code).toBe('STORE_BUSY');
      expect(asideFiles()).toEqual([]);

      await holder.release();
      holder = null;
      const after = await service.run(client, parseIdentifier('chat1777', 'chat'));
      expect(after.storeWarning).toBeUndefined();
      expect(after.changes).not.toBeNull();
    } finally {
      close();
    }
    const store = InspectorStore.open(dir);
    expect(store.listHistory().map((e) => e.input)).toEqual(['chat1777', 'chat1777']);
    store.close();
  });
});
