// Updates for installed builds, through electron-updater, without importing it
// (or electron) here: the shell passes a loader, so nothing is loaded while
// updates are off or in development, and everything below runs under plain Node
// in the tests with a fake updater.
import type { MessageBoxOptions } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { messages } from '../core/messages/index';

/** What electron-updater reports when a check finds a newer version. */
export interface UpdateCheckOutcome {
  /** Present when `autoDownload` started a download; it rejects when the download fails. */
  downloadPromise?: Promise<unknown> | null;
}

/** The part of electron-updater's `autoUpdater` we use. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<UpdateCheckOutcome | null>;
  quitAndInstall(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

// Compile-time only: the real autoUpdater must fit our interface, or the shell's wiring would lie.
export type RealUpdaterFits = AppUpdater extends Updater ? true : never;
const realUpdaterFits: RealUpdaterFits = true;
void realUpdaterFits;

/**
 * `autoUpdater` from `await import('electron-updater')`. electron-updater is CommonJS and
 * defines `autoUpdater` as a getter, which Node's ES-module loader does not list as a
 * named export: from our ES-module main it is only on `default`. A bundler that
 * inlines the CommonJS would put it on the namespace itself; either is accepted.
 */
export function autoUpdaterOf(namespace: { default?: unknown; autoUpdater?: unknown }): Updater {
  // `in` first: a missing key is undefined in Node, but vitest's module mocks throw on reading one.
  const own = (from: unknown, key: string): unknown =>
    (typeof from === 'object' || typeof from === 'function') && from !== null && key in from ? (from as Record<string, unknown>)[key] : undefined;
  const candidates = [own(namespace, 'autoUpdater'), own(own(namespace, 'default'), 'autoUpdater')];
  const found = candidates.find((each): each is Updater => typeof (each as Partial<Updater> | undefined)?.checkForUpdates === 'function');
  if (!found) throw new Error('electron-updater has no autoUpdater');
  return found;
}

/** The index of "Restart now" in `restartQuestion`'s buttons. */
export const RESTART_NOW = 0;

/**
 * The question asked when an update has downloaded ("Later" is also what Esc
 * picks), in the language in use: the caller runs it in the user's, as it is
 * asked outside any call of the window.
 */
export function restartQuestion(version: string): MessageBoxOptions {
  const said = messages().errors.updates;
  return {
    type: 'info',
    title: said.title,
    message: said.message(version),
    detail: said.detail,
    buttons: [said.restartNow, said.later],
    defaultId: RESTART_NOW,
    cancelId: 1,
    noLink: true,
  };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type UpdateLog = (level: 'info' | 'warn', message: string) => void;

export interface UpdateCheckOptions {
  /** Loads electron-updater's `autoUpdater`; called on the first check that runs, and again after a failed load. */
  loadUpdater: () => Promise<Updater>;
  /** `app.isPackaged`: a development build has nothing to update (and no app-update.yml). */
  isPackaged: boolean;
  /** The `checkForUpdates` setting, read at every tick so switching it off needs no restart. */
  enabled: () => boolean;
  /** Asks whether to restart now to install `version`; resolves true for "Restart now". */
  askToRestart: (version: string) => Promise<boolean>;
  log: UpdateLog;
  timers?: Timers;
  /** The first check waits this long, so it never competes with the first window. */
  firstCheckDelayMs?: number;
  intervalMs?: number;
}

export const FIRST_CHECK_DELAY_MS = 10_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** A timer that does not keep the process alive (Node's handles have `unref`). */
function unref(handle: unknown): unknown {
  if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref();
  return handle;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks for updates shortly after start and every `intervalMs`, downloads them in the
 * background, and asks once per version before restarting to install. Nothing here ever
 * throws or rejects into the app: an update that fails is logged and tried again later.
 * Returns a function that stops the checks.
 */
export function startUpdateChecks(options: UpdateCheckOptions): () => void {
  if (!options.isPackaged) return () => {};
  const timers: Timers = options.timers ?? globalThis;
  const { log } = options;
  let stopped = false;
  let updater: Updater | null = null;
  let checking = false;
  const asked = new Set<string>();

  const onError = (error: Error): void => {
    // electron-updater emits 'error' for every failure; without a listener the emitter would throw.
    log('warn', `Update failed: ${describeError(error)}`);
  };

  const onDownloaded = (info: { version: string }): void => {
    const { version } = info;
    if (stopped || asked.has(version) || !options.enabled()) return;
    asked.add(version);
    void (async () => {
      try {
        const restart = await options.askToRestart(version);
        if (!restart || stopped) {
          log('info', `Update ${version} downloaded; it installs when the app quits.`);
          return;
        }
        log('info', `Restarting to install ${version}.`);
        updater?.quitAndInstall();
      } catch (error) {
        log('warn', `Could not install update ${version}: ${describeError(error)}`);
      }
    })();
  };

  async function load(): Promise<Updater> {
    if (updater) return updater;
    const loaded = await options.loadUpdater();
    loaded.autoDownload = true;
    loaded.autoInstallOnAppQuit = true;
    loaded.on('error', onError);
    loaded.on('update-downloaded', onDownloaded);
    updater = loaded;
    return loaded;
  }

  async function check(): Promise<void> {
    if (stopped || checking) return;
    if (!options.enabled()) {
      // Switched off: nothing downloaded from now on installs without the user's say.
      if (updater) updater.autoInstallOnAppQuit = false;
      return;
    }
    checking = true;
    try {
      const current = await load();
      if (stopped) return;
      current.autoInstallOnAppQuit = true;
      const outcome = await current.checkForUpdates();
      // A failed background download rejects this promise (and emits 'error'): never leave it unhandled.
      await outcome?.downloadPromise?.catch((error: unknown) => log('warn', `Update download failed: ${describeError(error)}`));
    } catch (error) {
      log('warn', `Update check failed: ${describeError(error)}`);
    } finally {
      checking = false;
    }
  }

  const tick = (): void => {
    void check();
  };
  const first = unref(timers.setTimeout(tick, options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS));
  const every = unref(timers.setInterval(tick, options.intervalMs ?? CHECK_INTERVAL_MS));

  return () => {
    stopped = true;
    timers.clearTimeout(first);
    timers.clearInterval(every);
    updater?.removeListener('error', onError);
    updater?.removeListener('update-downloaded', onDownloaded);
  };
}
