import { createMainApi } from '../../main/api/create-main-api';
import { openFileStore } from '../../main/api/file-store';
import { startEmulator } from '../../main/emulator/index';
import { InspectorStore } from '../../main/store/index';
import { testCipher } from '../support/test-cipher';
import { mkdtempSync } from 'node:fs';
const emulator = await startEmulator({ rateLimit: false });
const dataDir = mkdtempSync('/tmp/dbg-');
const api = createMainApi({ store: openFileStore(dataDir), secrets: testCipher(true), openExternal: async () => undefined, writeClipboard: () => undefined, clientOptions: { extraCertificates: [emulator.certificate], rateLimit: false }, openStore: (o) => InspectorStore.open(dataDir, o) });
await api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() });
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  const r: any = await api.dispatch('lookup:run', { input: '5130', numberAs: 'session' });
  const t1 = performance.now();
  const json = JSON.stringify(r);
  console.log(`lookup ${(t1 - t).toFixed(1)} ms, stringify ${(performance.now() - t1).toFixed(1)} ms, ${(json.length / 1e6).toFixed(2)} MB`);
}
const h = performance.now();
const res = await fetch; 
await api.dispose(); await emulator.close();
