// The update schedule and its answers, with a fake updater: the real
// electron-updater needs Electron (it requires `electron` on load) and the
// network (GitHub releases), neither of which these machines have. The fake is
// an EventEmitter, like the real autoUpdater, so an 'error' nobody listens to
// would throw here exactly as it would in the app.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoUpdaterOf, CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, RESTART_NOW, restartQuestion, startUpdateChecks, type Timers, type UpdateCheckOptions, type Updater, type UpdateCheckOutcome } from '../../main/updates/update-checker';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  /** What the next checkForUpdates() does; by default "nothing new". */
  nextCheck: () => Promise<UpdateCheckOutcome | null> = async () => null;
  checkForUpdates(): Promise<UpdateCheckOutcome | null> {
    this.checks += 1;
    return this.nextCheck();
  }
  quitAndInstall(): void {
    this.installs += 1;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const HOUR = 60 * 60 * 1000;
let updater: FakeUpdater;
let logged: Array<[string, string]>;
let enabled: boolean;
let stops: Array<() => void>;

function start(overrides: Partial<UpdateCheckOptions> = {}) {
  const options: UpdateCheckOptions = {
    loadUpdater: vi.fn(async () => updater),
    isPackaged: true,
    enabled: () => enabled,
    askToRestart: vi.fn(async () => false),
    log: (level, message) => logged.push([level, message]),
    ...overrides,
  };
  const stop = startUpdateChecks(options);
  stops.push(stop);
  return { options, stop };
}

/** Lets promise callbacks run (the checks are async) without moving the clock. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  updater = new FakeUpdater();
  logged = [];
  enabled = true;
  stops = [];
});

afterEach(() => {
  for (const stop of stops) stop();
  vi.useRealTimers();
});

describe('when to check', () => {
  it('does nothing in a build that is not packaged: no updater loaded, no timer', async () => {
    const { options } = start({ isPackaged: false });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(options.loadUpdater).not.toHaveBeenCalled();
    expect(updater.checks).toBe(0);
  });

  it('first checks after a delay (the window comes first), then every four hours', async () => {
    const { options } = start();
    expect(options.loadUpdater).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(1);
    expect(CHECK_INTERVAL_MS).toBe(4 * HOUR);
    await vi.advanceTimersByTimeAsync(4 * HOUR - FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(updater.checks).toBe(4);
    // Loaded once, then reused.
    expect(options.loadUpdater).toHaveBeenCalledTimes(1);
  });

  it('downloads in the background and installs on quit', async () => {
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('uses the timers and intervals it is given', () => {
    const calls: string[] = [];
    const timers: Timers = {
      setTimeout: (_callback, ms) => calls.push(`timeout ${ms}`),
      clearTimeout: (handle) => calls.push(`clear timeout #${String(handle)}`),
      setInterval: (_callback, ms) => calls.push(`interval ${ms}`),
      clearInterval: (handle) => calls.push(`clear interval #${String(handle)}`),
    };
    const { stop } = start({ timers, firstCheckDelayMs: 5, intervalMs: 60_000 });
    stop();
    expect(calls).toEqual(['timeout 5', 'interval 60000', 'clear timeout #1', 'clear interval #2']);
  });

  it('reads the setting at every tick: off means no check (and nothing loaded), on again resumes without a restart', async () => {
    enabled = false;
    const { options } = start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS + 4 * HOUR);
    expect(options.loadUpdater).not.toHaveBeenCalled();
    expect(updater.checks).toBe(0);
    enabled = true;
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(updater.checks).toBe(1);
    enabled = false;
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(updater.checks).toBe(1);
    // An update downloaded before it was switched off does not install behind the user's back.
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('never runs two checks at once, including while a download is still running', async () => {
    const check = deferred<UpdateCheckOutcome | null>();
    updater.nextCheck = () => check.promise;
    start({ intervalMs: HOUR });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS + 3 * HOUR);
    expect(updater.checks).toBe(1);
    const download = deferred<string[]>();
    check.resolve({ downloadPromise: download.promise });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(updater.checks).toBe(1);
    download.resolve(['pending/openlines-inspector-0.2.0.AppImage']);
    await settle();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(updater.checks).toBe(2);
  });
});

describe('asking before restarting', () => {
  async function downloaded(version: string): Promise<void> {
    updater.emit('update-downloaded', { version });
    await settle();
  }

  it('asks once per version; "Restart now" installs, "Later" leaves it for quit', async () => {
    const answers = [false, true];
    const askToRestart = vi.fn(async () => answers.shift() ?? false);
    start({ askToRestart });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await downloaded('1.2.0');
    expect(askToRestart).toHaveBeenCalledWith('1.2.0');
    expect(updater.installs).toBe(0);
    expect(logged).toContainEqual(['info', 'Update 1.2.0 downloaded; it installs when the app quits.']);
    // The same version again (a later check finds it downloaded): not asked twice.
    await downloaded('1.2.0');
    expect(askToRestart).toHaveBeenCalledTimes(1);
    await downloaded('1.3.0');
    expect(askToRestart).toHaveBeenLastCalledWith('1.3.0');
    expect(updater.installs).toBe(1);
  });

  it('does not ask when updates were switched off meanwhile', async () => {
    const { options } = start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    enabled = false;
    await downloaded('1.2.0');
    expect(options.askToRestart).not.toHaveBeenCalled();
  });

  it('a "Restart now" answered after stop() installs nothing', async () => {
    const answer = deferred<boolean>();
    const { stop } = start({ askToRestart: () => answer.promise });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await downloaded('1.2.0');
    stop();
    answer.resolve(true);
    await settle();
    expect(updater.installs).toBe(0);
  });
});

describe('errors never reach the app', () => {
  it('an error event is logged (an EventEmitter with no listener would throw)', async () => {
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(() => updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'))).not.toThrow();
    expect(logged).toContainEqual(['warn', 'Update failed: net::ERR_NAME_NOT_RESOLVED']);
  });

  it('a failed check is logged and tried again at the next tick', async () => {
    updater.nextCheck = async () => {
      throw new Error('HttpError: 404');
    };
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(logged).toContainEqual(['warn', 'Update check failed: HttpError: 404']);
    updater.nextCheck = async () => null;
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  it('a check that throws synchronously is logged too', async () => {
    updater.nextCheck = () => {
      throw new Error('no app-update.yml');
    };
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(logged).toContainEqual(['warn', 'Update check failed: no app-update.yml']);
  });

  it('a failed background download is logged, not left as an unhandled rejection', async () => {
    const download = deferred<string[]>();
    updater.nextCheck = async () => ({ downloadPromise: download.promise });
    start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    download.reject(new Error('sha512 checksum mismatch'));
    await settle();
    expect(logged).toContainEqual(['warn', 'Update download failed: sha512 checksum mismatch']);
    // The lock is released: the next tick checks again.
    updater.nextCheck = async () => null;
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  it('an updater that cannot be loaded is logged and loaded again at the next tick', async () => {
    const loadUpdater = vi.fn<() => Promise<Updater>>().mockRejectedValueOnce(new Error('Cannot find module')).mockResolvedValue(updater);
    start({ loadUpdater });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(logged).toContainEqual(['warn', 'Update check failed: Cannot find module']);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(loadUpdater).toHaveBeenCalledTimes(2);
    expect(updater.checks).toBe(1);
  });

  it('a question that fails, or an install that throws, is logged', async () => {
    const askToRestart = vi.fn<(version: string) => Promise<boolean>>().mockRejectedValueOnce(new Error('window destroyed')).mockResolvedValue(true);
    updater.quitAndInstall = () => {
      throw new Error('installer missing');
    };
    start({ askToRestart });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(logged).toContainEqual(['warn', 'Could not install update 1.2.0: window destroyed']);
    updater.emit('update-downloaded', { version: '1.3.0' });
    await settle();
    expect(logged).toContainEqual(['warn', 'Could not install update 1.3.0: installer missing']);
  });
});

describe('stopping', () => {
  it('stops the timers and stops listening', async () => {
    const { stop } = start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updater.listenerCount('error')).toBe(1);
    expect(updater.listenerCount('update-downloaded')).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(updater.listenerCount('error')).toBe(0);
    expect(updater.listenerCount('update-downloaded')).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(updater.checks).toBe(1);
  });
});

describe('finding autoUpdater in the imported module', () => {
  it('on default, as Node gives CommonJS to an ES module, or as a named export, as a bundle would', () => {
    expect(autoUpdaterOf({ default: { autoUpdater: updater } })).toBe(updater);
    expect(autoUpdaterOf({ autoUpdater: updater })).toBe(updater);
  });

  it('refuses a module without a usable autoUpdater', () => {
    expect(() => autoUpdaterOf({})).toThrow('electron-updater has no autoUpdater');
    expect(() => autoUpdaterOf({ default: 'electron-updater' })).toThrow('electron-updater has no autoUpdater');
    expect(() => autoUpdaterOf({ default: { autoUpdater: {} } })).toThrow('electron-updater has no autoUpdater');
  });
});

describe('the restart question', () => {
  it('offers "Restart now" (the default) and "Later" (what Esc picks), naming the version', () => {
    const question = restartQuestion('1.2.0');
    expect(question.buttons).toEqual(['Restart now', 'Later']);
    expect(question.buttons?.[RESTART_NOW]).toBe('Restart now');
    expect(question).toMatchObject({ defaultId: RESTART_NOW, cancelId: 1, message: 'Open Lines Inspector 1.2.0 is ready to install.' });
  });
});
