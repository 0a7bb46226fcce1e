// Run by store-disk-full.test.ts inside its own mount namespace, with a small
// tmpfs mounted over <dir>: a disk that really fills up (ENOSPC from the
// kernel, SQLITE_FULL from SQLite), and that nobody else's files share.
// Fills the disk, tries the store directly and through a lookup, frees the
// space and tries again; prints one JSON report of what it saw.
import fs from 'node:fs';
import path from 'node:path';
import Libsql from 'libsql';
import { LookupService } from '../../main/api/lookup-service';
import { parseIdentifier } from '../../main/core/identifier';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator } from '../../main/emulator/index';
import { createWebhookClient } from '../../main/rest/portal-client';
import { DATABASE_FILE_NAME, InspectorStore, StoreError } from '../../main/store/index';
import { documentedDialog, withSession } from './store-fixtures';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: store-disk-full-child <dir on a small tmpfs>');

const filler = path.join(dir, 'filler');

/** Writes until the kernel says ENOSPC, down to single bytes, so not one block is left. */
function fillDisk(): void {
  const fd = fs.openSync(filler, 'a');
  try {
    for (let chunk = 1 << 16; chunk >= 1; chunk >>= 1) {
      const bytes = Buffer.alloc(chunk, 0x61);
      for (;;) {
        try {
          fs.writeSync(fd, bytes);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    return error instanceof StoreError ? error.code : `unexpected: ${String(error)}`;
  }
}

/** What is in the file, read by a connection of its own: every table a put writes to. */
function counts(file: string): Record<string, unknown> {
  const db = new Libsql(file, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).raw(true).get() as unknown[])[0];
    return {
      history: one('SELECT count(*) FROM history'),
      dialogs: one('SELECT count(*) FROM dialogs'),
      snapshots: one('SELECT count(*) FROM snapshots'),
      search: one('SELECT count(*) FROM dialog_search'),
      sessions: one('SELECT count(*) FROM dialog_sessions'),
      // Every latest copy has exactly its one search row.
      unindexed: one('SELECT count(*) FROM dialogs d WHERE NOT EXISTS (SELECT 1 FROM dialog_search s WHERE s.rowid = d.rowid)'),
      integrity: one('PRAGMA integrity_check'),
    };
  } finally {
    db.close();
  }
}

const report: Record<string, unknown> = {};
const emulator = await startEmulator({ rateLimit: false });
const client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, rateLimit: false });
const store = InspectorStore.open(dir);
const file = path.join(dir, DATABASE_FILE_NAME);
const lookups = new LookupService(async () => store);
const { dialog, time } = documentedDialog();
// Large enough to need new pages in the log, as any real dialog with messages does.
const big = (chatId: number) => ({ ...withSession(dialog, 900_000 + chatId), id: chatId, dialog_id: `chat${chatId}`, description: 'Ж🌸'.repeat(3000) });

try {
  const first = await lookups.run(client, parseIdentifier('chat1777', 'chat'));
  report.firstWarning = first.storeWarning ?? null;
  store.putDialog('direct', big(5001), time, '2026-03-16T10:00:00.000Z');
  report.before = counts(file);

  fillDisk();
  report.filled = fs.statSync(filler).size;
  report.putWhenFull = codeOf(() => store.putDialog('direct', big(5002), time, '2026-03-16T11:00:00.000Z'));
  // A new copy of a dialog already kept: its snapshot must not appear without it.
  report.updateWhenFull = codeOf(() => store.putDialog('direct', { ...big(5001), name: 'renamed' }, time, '2026-03-16T11:00:00.000Z'));
  report.recordWhenFull = codeOf(() =>
    store.recordLookup({ account: 'direct', input: 'chat5002', param: null, value: null, at: 'now', outcome: 'INVALID_IDENTIFIER', chatId: null, elapsedMs: 0, source: 'network' }),
  );
  const full = await lookups.run(client, parseIdentifier('1777', 'chat'));
  report.lookupWhenFull = { chatId: full.dialog.id, source: full.source, warning: full.storeWarning ?? null };
  report.readsWhenFull = { found: store.findDialog('direct', { param: 'CHAT_ID', value: 5001 })?.dialog['name'] ?? null, missing: store.findDialog('direct', { param: 'CHAT_ID', value: 5002 }) };
  report.whenFull = counts(file);
  // A fresh database cannot even be created on a full disk; told, not crashed.
  report.openWhenFull = codeOf(() => InspectorStore.open(path.join(dir, 'fresh')).close());
  report.freshFiles = fs.existsSync(path.join(dir, 'fresh')) ? fs.readdirSync(path.join(dir, 'fresh')) : [];

  fs.rmSync(filler);
  report.putAfter = codeOf(() => store.putDialog('direct', big(5002), time, '2026-03-16T12:00:00.000Z'));
  const after = await lookups.run(client, parseIdentifier('chat1777', 'chat'));
  report.lookupAfter = { warning: after.storeWarning ?? null, changes: after.changes !== null };
  report.after = counts(file);
  report.history = store.listHistory().map((entry) => entry.input);
  report.openAfter = codeOf(() => InspectorStore.open(path.join(dir, 'fresh')).close());
} finally {
  store.close();
  client.close();
  await emulator.close();
}
report.closedIntegrity = counts(file).integrity;
fs.writeSync(1, `${JSON.stringify(report)}\n`);
