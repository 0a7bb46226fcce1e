// A lookup keeps its transcript, its dialog and its history entry in one
// write: when the last of the three fails, none is kept, and the lookup still
// answers with the warning that it was not saved.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LookupService } from '../../main/api/lookup-service';
import { parseIdentifier } from '../../main/core/identifier';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore, StoreError } from '../../main/store/index';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let remove: () => Promise<void>;
let emulator: Emulator;
let client: PortalClient;

beforeEach(async () => {
  ({ dir, remove } = await makeTempDir('oli-kept-whole-'));
  emulator = await startEmulator({ rateLimit: false });
  client = createWebhookClient(parseWebhookUrl(emulator.webhookUrl()), { extraCertificates: [emulator.certificate], timeoutMs: 5_000, rateLimit: false });
});

afterEach(async () => {
  client.close();
  await emulator.close();
  await remove();
});

it('keeps the transcript, the dialog and the history entry together or not at all', async () => {
  const store = InspectorStore.open(dir);
  let failEntry = true;
  // The real store, except that writing the history entry fails while `failEntry` says so.
  const failing = new Proxy(store, {
    get(target, key) {
      if (key === 'recordLookup' && failEntry) {
        return () => {
          throw new StoreError('STORE_DISK_FULL', 'The disk is full.');
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const service = new LookupService(async () => failing);
  try {
    const answered = await service.run(client, parseIdentifier('chat1777', 'chat'));
    expect(answered.dialog.id).toBe(1777);
    expect(answered.conversation?.ok).toBe(true);
    expect(answered.storeWarning?.code).toBe('STORE_DISK_FULL');
    // Rolled back with the entry: no dialog, no transcript, no history.
    expect(store.findDialog(client.portal.host, { param: 'CHAT_ID', value: 1777 })).toBeNull();
    expect(store.findConversation(client.portal.host, 1777)).toBeNull();
    expect(store.listHistory()).toEqual([]);

    failEntry = false;
    const saved = await service.run(client, parseIdentifier('chat1777', 'chat'));
    expect(saved.storeWarning).toBeUndefined();
    expect(store.findDialog(client.portal.host, { param: 'CHAT_ID', value: 1777 })?.chatId).toBe(1777);
    expect(store.findConversation(client.portal.host, 1777)?.messages.length).toBeGreaterThan(0);
    expect(store.listHistory().map((entry) => entry.input)).toEqual(['chat1777']);
  } finally {
    store.close();
  }
});
