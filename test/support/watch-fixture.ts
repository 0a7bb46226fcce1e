// What the watch's integration tests share: a fresh emulator, a webhook
// client of it and a store for every test, the watch services a test made
// disposed after it, a clock that moves only when the watch waits, and a
// client that notes each request the watch sends.
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { WatchService } from '../../main/api/watch-service';
import { parseWebhookUrl } from '../../main/core/webhook';
import { startEmulator, type Emulator } from '../../main/emulator/index';
import { createWebhookClient, type PortalClient } from '../../main/rest/portal-client';
import { InspectorStore } from '../../main/store/index';
import { makeTempDir } from './temp-dir';

export const WATCH_ACCOUNT = 'example.bitrix24.com';

export interface WatchFixture {
  emulator: Emulator;
  client: PortalClient;
  store: InspectorStore;
  /** Disposed after the test. */
  services: WatchService[];
  /** A restart's: the store closed and opened again from its folder. */
  reopenStore(): InspectorStore;
}

/** Registers the set-up and tear-down; the fields are the current test's, set before each. */
export function watchFixture(tempPrefix: string): WatchFixture {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  const fixture = {
    services: [] as WatchService[],
    reopenStore() {
      fixture.store.close();
      fixture.store = InspectorStore.open(dir);
      return fixture.store;
    },
  } as WatchFixture;
  beforeEach(async () => {
    fixture.emulator = await startEmulator({ rateLimit: false });
    fixture.client = createWebhookClient(parseWebhookUrl(fixture.emulator.webhookUrl()), {
      extraCertificates: [fixture.emulator.certificate],
      timeoutMs: 5_000,
      retry: false,
      rateLimit: false,
    });
    ({ dir, remove } = await makeTempDir(tempPrefix));
    fixture.store = InspectorStore.open(dir);
  });
  afterEach(async () => {
    await Promise.all(fixture.services.splice(0).map((service) => service.dispose()));
    fixture.client.close();
    await fixture.emulator.close();
    fixture.store.close();
    await remove();
  });
  return fixture;
}

/** A clock that moves only when the watch waits: every wait passes at once and is counted. */
export function fakeClock(startAt: string) {
  const clock = { now: Date.parse(startAt) };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** `client` as the watch sees it, telling `onCall` as each request leaves. */
export function countingClient(client: PortalClient, onCall: () => void): PortalClient {
  return {
    ...client,
    portal: client.portal,
    budget: (method) => client.budget(method),
    close: () => client.close(),
    call: (method, params, callOptions) => {
      onCall();
      return client.call(method, params, callOptions);
    },
  };
}

export function watchAll(store: InspectorStore, ...chatIds: number[]): void {
  for (const chatId of chatIds) store.watch(WATCH_ACCOUNT, chatId, `chat${chatId}`, '2026-03-16T09:00:00.000Z');
}

/** Every watched dialog has had its first answer (its copy to compare with is kept). */
// Up to 5 s: the first request pays for the TLS handshake, slow on a loaded machine.
export function firstAnswered(store: InspectorStore): Promise<void> {
  return vi.waitFor(() => expect(store.watchList(WATCH_ACCOUNT).every((row) => row.refreshedAt !== null)).toBe(true), { timeout: 5_000 });
}
