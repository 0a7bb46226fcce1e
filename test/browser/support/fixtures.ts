// Per test: a fresh data folder, the real main-process API (createMainApi)
// talking to a real emulator over HTTPS, and a page whose `window.inspector`
// is the real preload bundled against the electron shim.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createMainApi, type MainApi } from '../../../main/api/create-main-api';
import { openFileStore } from '../../../main/api/file-store';
import type { SecretCipher } from '../../../main/api/connection';
import { startEmulator, type Emulator } from '../../../main/emulator/index';
import type { RateLimit } from '../../../main/rest/portal-client';
import { InspectorStore } from '../../../main/store/index';
import { EVENT_CHANNELS, type EventName, type Result } from '../../../preload/api-contract';
import { InspectorPage } from './inspector-page';
import { bundlePreload } from './preload-bundle';
import { serveRenderer } from './static-server';

/** Reversible and obviously fake: the tests check wiring, not cryptography. */
const TEST_CIPHER: SecretCipher = {
  canPersist: true,
  encrypt: (plain) => `test:${Buffer.from(plain, 'utf8').toString('base64')}`,
  decrypt: (stored) => {
    if (!stored.startsWith('test:')) throw new Error('not encrypted by the test cipher');
    return Buffer.from(stored.slice(5), 'base64').toString('utf8');
  },
};

export interface Harness {
  /** The test's portal (the webhook target). */
  emulator: Emulator;
  /** Demo portals started through "Try the demo portal". */
  demos: Emulator[];
  api: MainApi;
  dataDir: string;
  /** URLs main was asked to open in the system browser. */
  opened: string[];
  /** Texts main was asked to put on the clipboard. */
  clipboard: string[];
  /** Files the app saved, where the user chose (the offered name in the data folder's saved/). */
  savedFiles: string[];
  /** The files the user picks in the OS open dialog, next first; with none left the dialog is closed. */
  filesToOpen: string[];
  /** Every channel the page called, in order: what it asked main, and how often. */
  calls: string[];
  /** Every event main pushed to the page, in order. */
  pushed: Array<{ event: EventName; payload: unknown }>;
  /** Connects main to the test emulator with its webhook, as if done in an earlier run. */
  connectWebhook(): Promise<void>;
  dispatch<T = unknown>(channel: string, args?: unknown): Promise<Result<T>>;
}

interface Assets {
  preload: string;
  origin: string;
}

interface Options {
  /** How long main waits for the portal; short in the tests of slow portals. */
  clientTimeoutMs: number;
  /** The client's own bucket; off unless a spec is about waiting for it. */
  clientRateLimit: RateLimit | false;
  /** The OS's preferred languages main sees, for the 'system' language; none (English) unless a spec is about it. */
  preferredLanguages: string[];
}

export const test = base.extend<{ harness: Harness; inspector: InspectorPage } & Options, { assets: Assets }>({
  clientTimeoutMs: [10_000, { option: true }],
  clientRateLimit: [false, { option: true }],
  preferredLanguages: [[], { option: true }],

  assets: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const [preload, server] = await Promise.all([bundlePreload(), serveRenderer()]);
      await use({ preload, origin: server.origin });
      await server.close();
    },
    { scope: 'worker' },
  ],

  harness: async ({ page, assets, clientTimeoutMs, clientRateLimit, preferredLanguages }, use) => {
    const emulator = await startEmulator({ rateLimit: false });
    const demos: Emulator[] = [];
    const dataDir = await mkdtemp(join(tmpdir(), 'openlines-inspector-browser-'));
    const opened: string[] = [];
    const clipboard: string[] = [];
    const savedFiles: string[] = [];
    const filesToOpen: string[] = [];
    const calls: string[] = [];
    const pushed: Harness['pushed'] = [];
    const api = createMainApi({
      store: openFileStore(dataDir),
      secrets: TEST_CIPHER,
      openExternal: async (url) => {
        opened.push(url);
      },
      writeClipboard: (text) => {
        clipboard.push(text);
      },
      // The user takes the offered name, in the data folder's saved/.
      chooseSaveFile: async (offered) => {
        await mkdir(join(dataDir, 'saved'), { recursive: true });
        const file = join(dataDir, 'saved', offered.defaultName);
        savedFiles.push(file);
        return file;
      },
      chooseOpenFile: async () => filesToOpen.shift() ?? null,
      startDemo: async () => {
        const demo = await startEmulator({ rateLimit: false });
        demos.push(demo);
        return demo;
      },
      clientOptions: { extraCertificates: [emulator.certificate], rateLimit: clientRateLimit, timeoutMs: clientTimeoutMs },
      openStore: (options) => InspectorStore.open(dataDir, options),
      preferredLanguages: () => preferredLanguages,
      // Named in Settings; nothing is written there in these tests.
      logFile: join(dataDir, 'logs', 'main.log'),
      // What webContents.send does in the app: the event reaches the page's bridge on its channel.
      sendEvent: (event, payload) => {
        pushed.push({ event, payload });
        page
          .evaluate(([channel, sent]) => (globalThis as unknown as { __inspectorEmit(channel: string, payload: unknown): void }).__inspectorEmit(channel, sent), [EVENT_CHANNELS[event], payload] as const)
          .catch(() => undefined);
      },
    });

    // What the page does that it should not: script errors, CSP violations,
    // requests that leave the renderer's own origin.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${assets.origin}/`) && !url.startsWith('data:')) problems.push(`request left the app: ${url}`);
    });

    await page.exposeFunction('__inspectorIpc', (channel: string, args: unknown) => {
      calls.push(channel);
      return api.dispatch(channel, args);
    });
    await page.addInitScript({ content: assets.preload });

    const harness: Harness = {
      emulator,
      demos,
      api,
      dataDir,
      opened,
      clipboard,
      savedFiles,
      filesToOpen,
      calls,
      pushed,
      async connectWebhook() {
        const answer = await api.dispatch('connection:use-webhook', { url: emulator.webhookUrl() });
        expect(answer, 'connecting the test webhook').toMatchObject({ ok: true });
      },
      dispatch: (channel, args) => api.dispatch(channel, args) as Promise<Result<never>>,
    };

    await use(harness);

    await api.dispose();
    await Promise.all([emulator.close(), ...demos.map((demo) => demo.close())]);
    await rm(dataDir, { recursive: true, force: true });
    expect(problems, 'errors, CSP violations or foreign requests in the page').toEqual([]);
  },

  inspector: async ({ page, harness, assets }, use) => {
    await use(new InspectorPage(page, assets.origin, harness));
  },
});

export { expect };
