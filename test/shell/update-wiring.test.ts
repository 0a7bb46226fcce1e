// startAppUpdates (main/updates/app-updates.ts): what main/index.ts calls with
// Electron's dialog. electron-updater is mocked the way Node's ES-module loader
// presents the real one to our ES-module main: `autoUpdater` only on `default`
// (it is a CommonJS getter that no named export can see). The real module needs
// Electron (it requires `electron` on load) and GitHub, neither of which these
// machines have; the schedule itself is tested in test/unit/update-checker.test.ts.
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAppUpdates, type AppUpdatesShell } from '../../main/updates/app-updates';
import { FIRST_CHECK_DELAY_MS } from '../../main/updates/update-checker';

const h = vi.hoisted(() => ({ loads: 0, autoUpdater: null as unknown }));

vi.mock('electron-updater', () => {
  h.loads += 1;
  return {
    default: {
      get autoUpdater() {
        return h.autoUpdater;
      },
    },
  };
});

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  async checkForUpdates() {
    this.checks += 1;
    return null;
  }
  quitAndInstall() {
    this.installs += 1;
  }
}

let autoUpdater: FakeAutoUpdater;
let stop: (() => void) | null;
let enabled: boolean;
let answer: number;
let asked: Array<{ parent: BrowserWindow | null; options: MessageBoxOptions }>;
let logged: string[];
let dialogLookups: number;
let resourcesPath: string;

const window = { isDestroyed: () => false } as unknown as BrowserWindow;

function start(overrides: Partial<AppUpdatesShell> = {}) {
  stop = startAppUpdates({
    isPackaged: true,
    resourcesPath,
    enabled: () => enabled,
    window: () => window,
    dialog: () => {
      dialogLookups += 1;
      return {
        showMessageBox: (async (...args: [BrowserWindow, MessageBoxOptions] | [MessageBoxOptions]) => {
          asked.push(args.length === 2 ? { parent: args[0], options: args[1] } : { parent: null, options: args[0] });
          return { response: answer, checkboxChecked: false };
        }) as ReturnType<AppUpdatesShell['dialog']>['showMessageBox'],
      };
    },
    log: (level, message) => logged.push(`${level}: ${message}`),
    ...overrides,
  });
}

async function downloaded(version: string): Promise<void> {
  autoUpdater.emit('update-downloaded', { version });
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  h.loads = 0;
  autoUpdater = new FakeAutoUpdater();
  h.autoUpdater = autoUpdater;
  stop = null;
  enabled = true;
  answer = 1;
  asked = [];
  logged = [];
  dialogLookups = 0;
  // What electron-builder writes into resources/ (test/shell/package-dir.test.ts checks it does).
  resourcesPath = mkdtempSync(path.join(tmpdir(), 'openlines-resources-'));
  writeFileSync(path.join(resourcesPath, 'app-update.yml'), 'provider: github\nowner: openlines-inspector\nrepo: openlines-inspector\n');
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
  rmSync(resourcesPath, { recursive: true, force: true });
});

describe('startAppUpdates', () => {
  it('in development, never loads electron-updater', async () => {
    start({ isPackaged: false });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(h.loads).toBe(0);
  });

  it('in a packaged build without app-update.yml (nowhere to look), never loads electron-updater', async () => {
    start({ resourcesPath: path.join(resourcesPath, 'elsewhere') });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(h.loads).toBe(0);
    expect(logged).toEqual(['info: No app-update.yml in this build: not checking for updates.']);
    start({ resourcesPath: undefined });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(h.loads).toBe(0);
  });

  it('loads electron-updater only at the first check, after the window, and finds autoUpdater on default', async () => {
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(h.loads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.loads).toBe(1);
    expect(autoUpdater.checks).toBe(1);
    expect(autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    // Electron's dialog is not even looked up until there is something to ask.
    expect(dialogLookups).toBe(0);
  });

  it('with updates switched off, loads nothing and checks nothing', async () => {
    enabled = false;
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(h.loads).toBe(0);
    expect(autoUpdater.checks).toBe(0);
  });

  it('asks on the window: "Restart now" or "Later"; only "Restart now" installs', async () => {
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    answer = 1;
    await downloaded('0.2.0');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.parent).toBe(window);
    expect(asked[0]!.options).toMatchObject({
      buttons: ['Restart now', 'Later'],
      defaultId: 0,
      cancelId: 1,
      message: 'Open Lines Inspector 0.2.0 is ready to install.',
    });
    expect(autoUpdater.installs).toBe(0);
    answer = 0;
    await downloaded('0.3.0');
    expect(autoUpdater.installs).toBe(1);
  });

  it('with no window open (macOS), asks without a parent', async () => {
    start({ window: () => null });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await downloaded('0.2.0');
    expect(asked).toEqual([{ parent: null, options: expect.objectContaining({ buttons: ['Restart now', 'Later'] }) }]);
  });

  it('an electron-updater without autoUpdater is logged, not thrown', async () => {
    h.autoUpdater = undefined;
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(logged).toEqual(['warn: Update check failed: electron-updater has no autoUpdater']);
  });
});

describe('the real electron-updater, imported from an ES module by plain Node', () => {
  it('has autoUpdater on default only, as the mock above presents it', async () => {
    const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    // A getter check only: reading autoUpdater would construct an updater, which needs Electron.
    const script = `
      const updater = await import('electron-updater');
      const getter = Object.getOwnPropertyDescriptor(updater.default, 'autoUpdater')?.get;
      console.log(JSON.stringify({ named: 'autoUpdater' in updater, onDefault: typeof getter }));`;
    // electron-updater requires electron, which in plain Node would try to download Electron; this stops it.
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(projectDir, 'no-electron-here') };
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: projectDir, env });
    expect(JSON.parse(stdout)).toEqual({ named: false, onDefault: 'function' });
  });
});
