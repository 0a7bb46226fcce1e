// The window the browser benches time: Debian's Chromium showing the built
// renderer with the real preload, whose IPC goes to the real main API over
// the emulator (HTTPS). One place for the set-up the start-up, conversation
// and overview benches share.
//
// Each answer crosses to the page as one JSON text the page parses, because
// that is close to what Electron does: `ipcRenderer.invoke` carries an answer
// as one message in V8's serialized form, read natively in one go. Playwright's
// own return path instead walks the value into its protocol's per-value tree
// and rebuilds it in page script; for a 5,000-message conversation (1.1 MB)
// that was a 250 ms task of the harness's own, after which Chromium's
// compositor held the next frame back about 40 ms to catch up, none of which
// an Electron window does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumForTests } from '../../scripts/find-chromium';
import { createMainApi, type MainApi } from '../../main/api/create-main-api';
import { openFileStore } from '../../main/api/file-store';
import type { EmulatorOptions } from '../../main/emulator/emulator-types';
import { startEmulator } from '../../main/emulator/index';
import { InspectorStore } from '../../main/store/index';
import { bundlePreload } from '../browser/support/preload-bundle';
import { serveRenderer } from '../browser/support/static-server';
import { testCipher } from '../support/test-cipher';
import { portalInProcess, startPortalProcess, type BenchPortal } from './portal-process';

/** What answers the page's IPC; by default main's dispatcher. */
export type Answer = (channel: string, args: unknown) => Promise<unknown>;

export interface BenchWindows {
  portal: BenchPortal;
  api: MainApi;
  /** Main's data folder, removed on close. */
  dataDir: string;
  /** A fresh window (its own context), loaded and interactive; `answer` stands in for main's dispatcher. */
  open(viewport: { width: number; height: number }, answer?: Answer): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * The page's side: unwraps each answer, and notes when each channel's last
 * answer reached the page (`window.__answeredAt[channel]`), so a bench can tell
 * the window's own time from main's.
 */
const UNWRAP = `{
  const ipc = window.__inspectorIpc;
  window.__answeredAt = {};
  window.__inspectorIpc = async (channel, args) => {
    const answer = JSON.parse(await ipc(channel, args));
    window.__answeredAt[channel] = performance.now();
    return answer;
  };
}`;

/**
 * The emulator (rate limit off unless `emulatorOptions` says; in a process of
 * its own with `ownProcess`, portal-process.ts), main's API connected to it, Chromium.
 */
export async function openBenchWindows(emulatorOptions: EmulatorOptions = {}, { ownProcess = false } = {}): Promise<BenchWindows> {
  const options: EmulatorOptions = { rateLimit: false, ...emulatorOptions };
  const portal = ownProcess ? await startPortalProcess(options) : portalInProcess(await startEmulator(options));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oli-bench-window-'));
  const api = createMainApi({
    store: openFileStore(dataDir),
    secrets: testCipher(true),
    openExternal: async () => undefined,
    writeClipboard: () => undefined,
    clientOptions: { extraCertificates: [portal.certificate], rateLimit: false },
    openStore: (options) => InspectorStore.open(dataDir, options),
  });
  const [preload, server] = await Promise.all([bundlePreload(), serveRenderer()]);
  const browser = await chromium.launch({ executablePath: chromiumForTests(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
    await api.dispose();
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const connected = await api.dispatch('connection:use-webhook', { url: portal.webhookUrl() });
    if (!connected.ok) throw new Error(`bench: could not connect the emulator: ${connected.error.message}`);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    portal,
    api,
    dataDir,
    async open(viewport, answer = (channel, args) => api.dispatch(channel, args)) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.exposeFunction('__inspectorIpc', async (channel: string, args: unknown) => JSON.stringify(await answer(channel, args)));
      await page.addInitScript({ content: UNWRAP });
      await page.addInitScript({ content: preload });
      await page.goto(`${server.origin}/`);
      await page.waitForFunction("performance.getEntriesByName('inspector:interactive').length > 0");
      return { page, context };
    },
    close,
  };
}
