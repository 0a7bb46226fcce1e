// Run as a child process, possibly as another user: opens the store in
// <dataDir>, writes one history entry, and prints {ok} or {code, envelope}.
import fs from 'node:fs';
import { toEnvelope } from '../../main/core/error-codes';
import { InspectorStore, StoreError } from '../../main/store/index';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: store-open-child <dataDir>');

let report: unknown;
try {
  const store = InspectorStore.open(dataDir);
  store.recordLookup({ account: 'demo', input: 'chat1777', param: 'DIALOG_ID', value: 'chat1777', at: 'now', outcome: 'ok', chatId: 1777, elapsedMs: 1, source: 'network' });
  report = { ok: true, history: store.listHistory().length, recovered: store.report.recovered.length };
  store.close();
} catch (error) {
  report = { ok: false, code: error instanceof StoreError ? error.code : String(error), envelope: toEnvelope(error) };
}
fs.writeSync(1, `${JSON.stringify(report)}\n`);
