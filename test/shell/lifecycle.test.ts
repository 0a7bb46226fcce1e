// main/index.ts under a fake Electron: the order of start-up, the window it
// opens and what it loads, the IPC and protocol wiring, and what happens when
// windows close. Each test imports the module afresh.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, type Result } from '../../preload/api-contract';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  function emitter() {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      emit(event: string, ...args: unknown[]) {
        for (const listener of listeners.get(event) ?? []) listener(...args);
      },
    };
  }

  interface FakeOptions {
    isPackaged: boolean;
    dark: boolean;
    /** false: another instance holds the single-instance lock. */
    lock?: boolean;
    displays?: Array<{ workArea: { x: number; y: number; width: number; height: number } }>;
    /** What config.json holds at start. */
    storeData?: Record<string, unknown>;
    /** The settings store cannot be opened at all. */
    storeThrows?: boolean;
  }

  function make(options: FakeOptions) {
    const log: string[] = [];
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => {
      resolveReady = resolve;
    });
    const appEvents = emitter();
    const powerEvents = emitter();
    const windows: FakeWindow[] = [];
    const ipcHandlers = new Map<string, Listener>();
    const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    const stores: Array<{ options: unknown; data: Map<string, unknown> }> = [];
    const storeData = new Map(Object.entries(options.storeData ?? {}));
    const applicationMenu = { current: null as { template: unknown[] } | null };
    const displays = options.displays ?? [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
    const themeEvents = emitter();
    /** Set by start(): a temp folder holding storeData as config.json, as electron-store writes it. */
    const paths = { userData: '' };
    let themeSource = 'system';
    const nativeTheme = {
      get themeSource() {
        return themeSource;
      },
      set themeSource(value: string) {
        log.push(`nativeTheme.themeSource=${value}`);
        themeSource = value;
      },
      get shouldUseDarkColors() {
        return themeSource === 'system' ? options.dark : themeSource === 'dark';
      },
      on: (event: string, listener: Listener) => themeEvents.on(event, listener),
    };
    const defaultSession = {
      requestHandler: null as Listener | null,
      checkHandler: null as Listener | null,
      setPermissionRequestHandler(handler: Listener) {
        log.push('defaultSession.setPermissionRequestHandler');
        defaultSession.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: Listener) {
        defaultSession.checkHandler = handler;
      },
    };

    class FakeWindow {
      static getAllWindows() {
        return windows.filter((each) => !each.destroyed);
      }
      readonly options: Record<string, unknown>;
      readonly events = emitter();
      readonly onceEvents = emitter();
      readonly loaded: string[] = [];
      shown = 0;
      destroyed = false;
      minimized = false;
      maximized = false;
      focused = 0;
      readonly backgrounds: string[] = [];
      readonly sent: Array<{ channel: string; payload: unknown }> = [];
      normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
      readonly contentsEvents = emitter();
      openHandler: Listener | null = null;
      readonly webContents = {
        on: (event: string, listener: Listener) => this.contentsEvents.on(event, listener),
        setWindowOpenHandler: (handler: Listener) => {
          this.openHandler = handler;
        },
        send: (channel: string, payload: unknown) => this.sent.push({ channel, payload }),
        isDestroyed: () => this.destroyed,
        session: defaultSession,
      };
      constructor(windowOptions: Record<string, unknown>) {
        log.push('new BrowserWindow');
        this.options = windowOptions;
        windows.push(this);
      }
      on(event: string, listener: Listener) {
        this.events.on(event, listener);
        return this;
      }
      once(event: string, listener: Listener) {
        this.onceEvents.on(event, listener);
        return this;
      }
      show() {
        this.shown += 1;
      }
      isDestroyed() {
        return this.destroyed;
      }
      isVisible() {
        return this.shown > 0 || this.maximized;
      }
      isMinimized() {
        return this.minimized;
      }
      restore() {
        log.push('window.restore');
        this.minimized = false;
      }
      focus() {
        this.focused += 1;
      }
      maximize() {
        log.push(`window.maximize (shown ${this.shown})`);
        this.maximized = true;
      }
      isMaximized() {
        return this.maximized;
      }
      getNormalBounds() {
        return this.normalBounds;
      }
      setBackgroundColor(colour: string) {
        this.backgrounds.push(colour);
      }
      loadURL(url: string) {
        log.push(`loadURL ${url}`);
        this.loaded.push(url);
        return Promise.resolve();
      }
    }

    const electron = {
      app: {
        isPackaged: options.isPackaged,
        getPreferredSystemLanguages: () => ['en-GB'],
        getPath: (name: string) => {
          if (name !== 'userData' && name !== 'downloads') throw new Error(`unexpected app.getPath(${name})`);
          return paths.userData;
        },
        enableSandbox: () => log.push('app.enableSandbox'),
        whenReady: () => {
          log.push('app.whenReady');
          return ready;
        },
        on: (event: string, listener: Listener) => appEvents.on(event, listener),
        quit: () => log.push('app.quit'),
        name: 'Open Lines Inspector',
        requestSingleInstanceLock: () => {
          log.push('app.requestSingleInstanceLock');
          return options.lock ?? true;
        },
        setAsDefaultProtocolClient: (...args: unknown[]) => {
          log.push(`app.setAsDefaultProtocolClient ${JSON.stringify(args)}`);
          return true;
        },
      },
      Menu: {
        buildFromTemplate: (template: unknown[]) => ({ template }),
        setApplicationMenu: (menu: { template: unknown[] } | null) => {
          log.push('Menu.setApplicationMenu');
          applicationMenu.current = menu;
        },
      },
      screen: {
        getAllDisplays: () => displays,
        getPrimaryDisplay: () => displays[0]!,
      },
      BrowserWindow: FakeWindow,
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown) => log.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
        handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
          log.push(`protocol.handle ${scheme}`);
          protocolHandlers.set(scheme, handler);
        },
      },
      ipcMain: {
        handle: (channel: string, handler: Listener) => {
          if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          ipcHandlers.set(channel, handler);
        },
      },
      session: { defaultSession },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
        decryptString: (encrypted: Buffer) => Buffer.from(encrypted).reverse().toString('utf8'),
      },
      nativeTheme,
      powerMonitor: { on: (event: string, listener: Listener) => powerEvents.on(event, listener) },
      shell: { openExternal: vi.fn(async () => {}) },
      clipboard: { writeText: vi.fn() },
      // The user picks the offered name in the offered folder, or closes the dialog.
      dialog: {
        showSaveDialog: vi.fn(async (_window: unknown, settings: { defaultPath: string }) => ({ canceled: false, filePath: settings.defaultPath })),
        // Closed unless a test says which file the user picks.
        showOpenDialog: vi.fn(async (_window: unknown, _settings: { title: string }) => ({ canceled: true, filePaths: [] as string[] })),
      },
    };

    return { log, electron, resolveReady, ready, appEvents, powerEvents, windows, ipcHandlers, protocolHandlers, stores, defaultSession, storeData, applicationMenu, themeEvents, paths, storeThrows: options.storeThrows ?? false };
  }

  return { current: null as unknown as ReturnType<typeof make>, make };
});

vi.mock('electron', () => ({
  get app() {
    return h.current.electron.app;
  },
  get BrowserWindow() {
    return h.current.electron.BrowserWindow;
  },
  get protocol() {
    return h.current.electron.protocol;
  },
  get ipcMain() {
    return h.current.electron.ipcMain;
  },
  get session() {
    return h.current.electron.session;
  },
  get safeStorage() {
    return h.current.electron.safeStorage;
  },
  get nativeTheme() {
    return h.current.electron.nativeTheme;
  },
  get shell() {
    return h.current.electron.shell;
  },
  get powerMonitor() {
    return h.current.electron.powerMonitor;
  },
  get Menu() {
    return h.current.electron.Menu;
  },
  get screen() {
    return h.current.electron.screen;
  },
  get clipboard() {
    return h.current.electron.clipboard;
  },
  get dialog() {
    return h.current.electron.dialog;
  },
}));

vi.mock('electron-store', () => ({
  default: class FakeStore {
    readonly data = new Map<string, unknown>(h.current.storeData);
    constructor(options: unknown) {
      h.current.log.push('new Store');
      h.current.stores.push({ options, data: this.data });
      if (h.current.storeThrows) throw new Error('EIO: the disk said no');
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

type Fake = ReturnType<typeof h.make>;
type Window = Fake['windows'][number] & {
  options: { webPreferences: Record<string, unknown>; show: boolean; backgroundColor: string; x?: number; y?: number; width: number; height: number };
  loaded: string[];
  shown: number;
  onceEvents: { emit(event: string): void };
  contentsEvents: { emit(event: string, ...args: unknown[]): void; listeners: Map<string, Listener[]> };
  openHandler: Listener | null;
};

const realPlatform = process.platform;
const realRendererUrl = process.env.ELECTRON_RENDERER_URL;
const realArgv = process.argv;

function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

const configDirs: string[] = [];

/** electron-store's file: dotted keys ("settings.theme") nest, as the real store writes them. */
function writeConfig(data: Record<string, unknown>): string {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const parts = key.split('.');
    let at = nested;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = value;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oli-lifecycle-'));
  configDirs.push(dir);
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(nested));
  return dir;
}

/** Imports main/index.ts afresh against a new fake Electron; `ready` resolves app.whenReady(). */
async function start(
  options: {
    isPackaged?: boolean;
    dark?: boolean;
    rendererUrl?: string;
    /** false: another instance is running. */
    lock?: boolean;
    /** The command line of this launch (a link on Windows and Linux). */
    argv?: string[];
    displays?: Array<{ workArea: { x: number; y: number; width: number; height: number } }>;
    storeData?: Record<string, unknown>;
    storeThrows?: boolean;
  } = {},
) {
  if (options.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = options.rendererUrl;
  process.argv = options.argv ?? realArgv;
  const { isPackaged = true, dark = false, rendererUrl: _rendererUrl, argv: _argv, ...rest } = options;
  h.current = h.make({ isPackaged, dark, ...rest });
  h.current.paths.userData = writeConfig(options.storeData ?? {});
  vi.resetModules();
  await import('../../main/index');
  const fake = h.current;
  return {
    fake,
    async ready() {
      fake.resolveReady();
      await fake.ready;
      // The window opens after the settings file is read, and the API (with
      // the settings store) is made after that: wait for the store, after
      // which the start-up runs to its end without waiting again.
      if (options.lock !== false) await vi.waitFor(() => expect(fake.stores.length).toBeGreaterThan(0), { timeout: 5_000, interval: 2 });
      await new Promise((resolve) => setImmediate(resolve));
    },
    window(index = 0): Window {
      const window = fake.windows[index];
      if (!window) throw new Error(`no window #${index}`);
      return window as Window;
    },
  };
}

async function invoke(fake: Fake, channel: string, frameUrl: string | null, args?: unknown): Promise<Result<unknown>> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const senderFrame = frameUrl === null ? null : { url: frameUrl, parent: null };
  return (await handler({ senderFrame }, args)) as Result<unknown>;
}

beforeEach(() => onPlatform(realPlatform));
afterEach(() => {
  onPlatform(realPlatform);
  process.argv = realArgv;
  if (realRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = realRendererUrl;
  for (const dir of configDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('start-up order', () => {
  it('opens the window before the settings store and the API load, and answers IPC once they have', async () => {
    const app = await start({ storeData: { 'settings.numberAs': 'session' } });
    await app.ready();
    const { log } = app.fake;
    expect(log.indexOf('new BrowserWindow')).toBeGreaterThan(-1);
    expect(log.indexOf('new BrowserWindow')).toBeLessThan(log.indexOf('new Store'));
    // Registered before the window, answered by the API made after it.
    expect(await invoke(app.fake, 'settings:get', 'app://renderer/index.html')).toMatchObject({ ok: true, value: { numberAs: 'session' } });
  });

  it('answers every call with INTERNAL when the API cannot be made, instead of leaving the page waiting', async () => {
    const app = await start({ storeThrows: true });
    await app.ready();
    expect(app.fake.windows).toHaveLength(1);
    expect(await invoke(app.fake, 'connection:get', 'app://renderer/index.html')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('before the app is ready', () => {
  it('enables the sandbox for every renderer and registers app:// as privileged', async () => {
    const { fake } = await start();
    expect(fake.log).toContain('app.enableSandbox');
    const registered = fake.log.filter((entry) => entry.startsWith('protocol.registerSchemesAsPrivileged'));
    expect(registered).toHaveLength(1);
    const schemes = JSON.parse(registered[0]!.slice('protocol.registerSchemesAsPrivileged '.length)) as unknown;
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
    ]);
  });

  it('opens no window, handles no protocol and registers no IPC yet', async () => {
    const { fake } = await start();
    expect(fake.windows).toHaveLength(0);
    expect(fake.protocolHandlers.size).toBe(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.stores).toHaveLength(0);
  });
});

describe('when the app is ready', () => {
  it('did the privileged-scheme registration and sandboxing before any window', async () => {
    const app = await start();
    await app.ready();
    const { log } = app.fake;
    const firstWindow = log.indexOf('new BrowserWindow');
    expect(firstWindow).toBeGreaterThan(-1);
    expect(log.findIndex((entry) => entry.startsWith('protocol.registerSchemesAsPrivileged'))).toBeLessThan(firstWindow);
    expect(log.indexOf('app.enableSandbox')).toBeLessThan(firstWindow);
    expect(log.indexOf('protocol.handle app')).toBeLessThan(firstWindow);
    expect(log.indexOf('defaultSession.setPermissionRequestHandler')).toBeLessThan(firstWindow);
  });

  it('creates one hidden, sandboxed, isolated window with the preload script', async () => {
    const app = await start();
    await app.ready();
    expect(app.fake.windows).toHaveLength(1);
    const { options } = app.window();
    const web = options.webPreferences;
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(path.isAbsolute(web.preload as string)).toBe(true);
    expect(web.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(options.show).toBe(false);
  });

  it('paints the window in the system theme', async () => {
    const dark = await start({ dark: true });
    await dark.ready();
    const light = await start({ dark: false });
    await light.ready();
    expect(dark.window().options.backgroundColor).toBe('#16171a');
    expect(light.window().options.backgroundColor).toBe('#f7f7f8');
  });

  it('loads app://renderer/index.html, even when ELECTRON_RENDERER_URL is set in a packaged app', async () => {
    const app = await start({ isPackaged: true, rendererUrl: 'http://localhost:5173' });
    await app.ready();
    expect(app.window().loaded).toEqual(['app://renderer/index.html']);
  });

  it('shows the window only on ready-to-show', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    expect(window.shown).toBe(0);
    window.onceEvents.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('guards the window: no navigation away, no new windows, no webview', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    const navigate = (url: string) => {
      let prevented = false;
      window.contentsEvents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://renderer/other.html')).toBe(false);
    expect(window.contentsEvents.listeners.get('will-redirect')).toHaveLength(1);
    expect(window.contentsEvents.listeners.get('will-attach-webview')).toHaveLength(1);
    expect(window.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request in the default session', async () => {
    const app = await start();
    await app.ready();
    const callback = vi.fn();
    app.fake.defaultSession.requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(app.fake.defaultSession.checkHandler?.({}, 'notifications', 'app://renderer')).toBe(false);
  });

  it('serves app:// through the protocol handler, with the CSP header', async () => {
    const app = await start();
    await app.ready();
    const handler = app.fake.protocolHandlers.get('app');
    expect(handler).toBeTypeOf('function');
    const response = await handler!({ url: 'app://renderer/no-such-file-here.html' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('registers every API channel with ipcMain.handle', async () => {
    const app = await start();
    await app.ready();
    expect([...app.fake.ipcHandlers.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
  });

  it('answers the app page over IPC from the electron-store "config" store, and refuses other senders', async () => {
    const app = await start();
    await app.ready();
    const { fake } = app;
    expect(fake.stores).toHaveLength(1);
    expect(fake.stores[0]!.options).toMatchObject({ name: 'config' });
    expect(await invoke(fake, 'settings:update', 'app://renderer/index.html', { numberAs: 'session' })).toEqual({
      ok: true,
      value: expect.objectContaining({ numberAs: 'session' }),
    });
    expect(fake.stores[0]!.data.get('settings.numberAs')).toBe('session');
    const refused = await invoke(fake, 'settings:update', 'https://evil.example/', { numberAs: 'chat' });
    expect(refused.ok).toBe(false);
    expect(fake.stores[0]!.data.get('settings.numberAs')).toBe('session');
    // A packaged app does not trust the dev server, even with ELECTRON_RENDERER_URL set.
    expect((await invoke(fake, 'settings:get', 'http://localhost:5173/index.html')).ok).toBe(false);
  });

  it('copies through Electron’s clipboard', async () => {
    const app = await start();
    await app.ready();
    expect(await invoke(app.fake, 'clipboard:write-text', 'app://renderer/index.html', { text: 'chat1777' })).toEqual({ ok: true, value: null });
    expect(app.fake.electron.clipboard.writeText).toHaveBeenCalledWith('chat1777');
  });

  it('saves a file where the OS save dialog, attached to the window, says; a closed dialog saves nothing', async () => {
    const app = await start();
    await app.ready();
    const { showSaveDialog } = app.fake.electron.dialog;
    const saved = await invoke(app.fake, 'export:save', 'app://renderer/index.html', { what: 'history', format: 'csv' });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, fileName: expect.stringMatching(/^history-\d{4}-\d\d-\d\d-\d{4}\.csv$/) } });
    const [window, settings] = showSaveDialog.mock.calls[0]!;
    expect(window).toBe(app.fake.windows[0]);
    expect(settings).toMatchObject({ title: 'Save the history', filters: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }] });
    expect(readFileSync(settings.defaultPath, 'utf8')).toMatch(/^\uFEFFat,account,input,/);
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await invoke(app.fake, 'export:save', 'app://renderer/index.html', { what: 'history', format: 'json' })).toEqual({ ok: true, value: { saved: false } });
  });

  it('opens a list the user picks in the OS open dialog, attached to the window, for one file; a closed dialog opens nothing', async () => {
    const app = await start();
    await app.ready();
    const { showOpenDialog } = app.fake.electron.dialog;
    const list = path.join(mkdtempSync(path.join(os.tmpdir(), 'oli-open-')), 'complaints.txt');
    writeFileSync(list, 'chat1777\n2001\n');
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [list] });
    expect(await invoke(app.fake, 'list:open', 'app://renderer/index.html')).toEqual({ ok: true, value: { name: 'complaints.txt', text: 'chat1777\n2001\n' } });
    const [window, settings] = showOpenDialog.mock.calls[0]!;
    expect(window).toBe(app.fake.windows[0]);
    expect(settings).toMatchObject({ title: 'Open a list of identifiers', properties: ['openFile'], filters: [{ extensions: expect.arrayContaining(['csv', 'txt']) }] });
    expect(await invoke(app.fake, 'list:open', 'app://renderer/index.html')).toEqual({ ok: true, value: null });
    rmSync(path.dirname(list), { recursive: true, force: true });
  });
});

describe('while developing (not packaged)', () => {
  it('loads the dev server and trusts its origin', async () => {
    const app = await start({ isPackaged: false, rendererUrl: 'http://localhost:5173' });
    await app.ready();
    expect(app.window().loaded).toEqual(['http://localhost:5173']);
    expect((await invoke(app.fake, 'settings:get', 'http://localhost:5173/index.html')).ok).toBe(true);
    expect((await invoke(app.fake, 'settings:get', 'http://localhost:5174/index.html')).ok).toBe(false);
  });

  it('loads app://renderer/index.html when no dev server is set', async () => {
    const app = await start({ isPackaged: false });
    await app.ready();
    expect(app.window().loaded).toEqual(['app://renderer/index.html']);
  });
});

describe('windows closing and reopening', () => {
  it('quits when the last window closes, except on macOS', async () => {
    onPlatform('linux');
    const linux = await start();
    await linux.ready();
    linux.fake.appEvents.emit('window-all-closed');
    expect(linux.fake.log).toContain('app.quit');

    onPlatform('darwin');
    const mac = await start();
    await mac.ready();
    mac.fake.appEvents.emit('window-all-closed');
    expect(mac.fake.log).not.toContain('app.quit');
  });

  it('reopens a window on activate only when none is open', async () => {
    const app = await start();
    await app.ready();
    app.fake.appEvents.emit('activate');
    expect(app.fake.windows).toHaveLength(1);
    app.fake.windows[0]!.destroyed = true;
    app.fake.appEvents.emit('activate');
    expect(app.fake.windows).toHaveLength(2);
    expect(app.window(1).loaded).toEqual(['app://renderer/index.html']);
    expect(app.window(1).options.webPreferences.sandbox).toBe(true);
  });

  it('pauses the background watch when the computer sleeps and resumes it when it wakes', async () => {
    const app = await start();
    expect(app.fake.powerEvents.listeners.get('suspend')).toBeUndefined();
    await app.ready();
    expect(app.fake.powerEvents.listeners.get('suspend')).toHaveLength(1);
    expect(app.fake.powerEvents.listeners.get('resume')).toHaveLength(1);
    // With nothing watched there is nothing to pause, and neither throws.
    app.fake.powerEvents.emit('suspend');
    app.fake.powerEvents.emit('resume');
  });

  it('holds the quit until the API is disposed, then quits once', async () => {
    const app = await start();
    await app.ready();
    expect(app.fake.appEvents.listeners.get('will-quit')).toHaveLength(1);
    let prevented = 0;
    app.fake.appEvents.emit('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    await vi.waitFor(() => expect(app.fake.log).toContain('app.quit'));
    // The second will-quit (from that app.quit) goes through.
    app.fake.appEvents.emit('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    expect(app.fake.log.filter((entry) => entry === 'app.quit')).toHaveLength(1);
  });
});

const APP_PAGE = 'app://renderer/index.html';

/** What the page gets from app:take-commands when it starts listening. */
async function takeCommands(fake: Fake): Promise<unknown> {
  const result = await invoke(fake, 'app:take-commands', APP_PAGE);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Lets the main API's promise chains (a deep link being opened) run to their end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

type MenuEntry = { id?: string; role?: string; click?: () => void; submenu?: MenuEntry[] };

function menuEntries(fake: Fake): MenuEntry[] {
  const walk = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((entry) => [entry, ...walk(entry.submenu ?? [])]);
  return walk((fake.applicationMenu.current?.template ?? []) as MenuEntry[]);
}

function clickMenu(fake: Fake, id: string): void {
  const entry = menuEntries(fake).find((candidate) => candidate.id === id);
  if (!entry?.click) throw new Error(`no menu item ${id}`);
  entry.click();
}

const commandsSent = (window: Window) => (window as unknown as { sent: Array<{ channel: string; payload: unknown }> }).sent;

/** The fake window's own state, beyond what the first tests read. */
function state(window: Window) {
  return window as unknown as {
    minimized: boolean;
    maximized: boolean;
    focused: number;
    backgrounds: string[];
    normalBounds: { x: number; y: number; width: number; height: number };
    events: { emit(event: string, ...args: unknown[]): void };
  };
}

describe('the menu’s language', () => {
  it('is the saved language from the first frame, and follows a change of the setting', async () => {
    const app = await start({ storeData: { 'settings.language': 'ru' } });
    await app.ready();
    const label = (id: string) => (menuEntries(app.fake).find((entry) => entry.id === id) as { label?: string } | undefined)?.label;
    expect(label('open-settings')).toBe('Настройки…');
    expect(await invoke(app.fake, 'settings:update', 'app://renderer/index.html', { language: 'en' })).toMatchObject({ ok: true });
    expect(label('open-settings')).toBe('Settings…');
    // A change of something else leaves the menu as it is.
    const menu = app.fake.applicationMenu.current;
    expect(await invoke(app.fake, 'settings:update', 'app://renderer/index.html', { numberAs: 'session' })).toMatchObject({ ok: true });
    expect(app.fake.applicationMenu.current).toBe(menu);
  });
});

describe('one instance at a time', () => {
  it('a second launch quits at once and opens, registers and changes nothing', async () => {
    const app = await start({ lock: false, argv: ['/opt/inspector', 'openlines-inspector://lookup/chat1777'] });
    await app.ready();
    const { fake } = app;
    expect(fake.log).toContain('app.quit');
    expect(fake.log.indexOf('app.requestSingleInstanceLock')).toBeLessThan(fake.log.indexOf('app.quit'));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.stores).toHaveLength(0);
    expect(fake.log.some((entry) => entry.startsWith('app.setAsDefaultProtocolClient'))).toBe(false);
    expect(fake.log).not.toContain('Menu.setApplicationMenu');
  });

  it('the first instance keeps running and restores and focuses its window when another launch starts', async () => {
    const app = await start();
    await app.ready();
    expect(app.fake.log).not.toContain('app.quit');
    const window = app.window();
    window.onceEvents.emit('ready-to-show');
    state(window).minimized = true;
    app.fake.appEvents.emit('second-instance', {}, ['/opt/inspector']);
    expect(app.fake.log).toContain('window.restore');
    expect(state(window).minimized).toBe(false);
    expect(state(window).focused).toBe(1);
    expect(app.fake.windows).toHaveLength(1);
    await settle();
    expect(await takeCommands(app.fake)).toEqual([]);
  });

  it('hands the second launch’s link over to the page, among Chromium’s switches', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    window.onceEvents.emit('ready-to-show');
    expect(await takeCommands(app.fake)).toEqual([]);
    app.fake.appEvents.emit('second-instance', {}, ['C:\\Apps\\inspector.exe', '--allow-file-access-from-files', 'openlines-inspector://lookup/chat1777']);
    await vi.waitFor(() => expect(commandsSent(window)).toEqual([{ channel: 'app:command', payload: { kind: 'lookup', input: 'chat1777' } }]));
  });

  it('says in the window that a hostile link from a second launch was refused, and does nothing else', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    expect(await takeCommands(app.fake)).toEqual([]);
    app.fake.appEvents.emit('second-instance', {}, ['/opt/inspector', 'openlines-inspector://lookup/chat1777?run=calc.exe']);
    await vi.waitFor(() => expect(commandsSent(window)).toHaveLength(1));
    expect(commandsSent(window)[0]).toMatchObject({ channel: 'app:command', payload: { kind: 'link-refused', error: { code: 'LINK_REFUSED' } } });
    expect(app.fake.electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('deep links', () => {
  it('registers the packaged app for openlines-inspector: links', async () => {
    const app = await start({ isPackaged: true });
    await app.ready();
    expect(app.fake.log).toContain('app.setAsDefaultProtocolClient ["openlines-inspector"]');
  });

  it('while developing, registers Electron with the app folder on Windows, and nothing elsewhere', async () => {
    onPlatform('win32');
    const windows = await start({ isPackaged: false, argv: ['electron.exe', '--inspect=0', '.'] });
    await windows.ready();
    expect(windows.fake.log).toContain(`app.setAsDefaultProtocolClient ${JSON.stringify(['openlines-inspector', process.execPath, [path.resolve('.')]])}`);
    onPlatform('linux');
    const linux = await start({ isPackaged: false, argv: ['electron', '.'] });
    await linux.ready();
    expect(linux.fake.log.some((entry) => entry.startsWith('app.setAsDefaultProtocolClient'))).toBe(false);
  });

  it('keeps the link that started the app until the page asks for it', async () => {
    const app = await start({ argv: ['/opt/inspector', '--no-sandbox-test-switch', 'openlines-inspector://lookup/chat1777'] });
    await app.ready();
    await settle();
    expect(commandsSent(app.window())).toEqual([]);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'lookup', input: 'chat1777' }]);
  });

  it('takes macOS’s open-url, prevents its default and hands the link to the page', async () => {
    onPlatform('darwin');
    const app = await start();
    await app.ready();
    const window = app.window();
    expect(await takeCommands(app.fake)).toEqual([]);
    const preventDefault = vi.fn();
    app.fake.appEvents.emit('open-url', { preventDefault }, 'openlines-inspector://lookup/chat5');
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(commandsSent(window)).toEqual([{ channel: 'app:command', payload: { kind: 'lookup', input: 'chat5' } }]));
  });

  it('keeps an open-url that comes before the app is ready', async () => {
    onPlatform('darwin');
    const app = await start();
    app.fake.appEvents.emit('open-url', { preventDefault: () => {} }, 'openlines-inspector://lookup/chat6');
    await app.ready();
    await settle();
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'lookup', input: 'chat6' }]);
  });

  it('opens a window for a link when none is open (macOS), and that window’s page gets it', async () => {
    onPlatform('darwin');
    const app = await start();
    await app.ready();
    const first = app.window();
    expect(await takeCommands(app.fake)).toEqual([]);
    first.destroyed = true;
    state(first).events.emit('closed');
    app.fake.appEvents.emit('open-url', { preventDefault: () => {} }, 'openlines-inspector://lookup/chat7');
    expect(app.fake.windows).toHaveLength(2);
    await settle();
    expect(commandsSent(first)).toEqual([]);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'lookup', input: 'chat7' }]);
  });
});

describe('commands to the page', () => {
  it('are sent on app:command while the page listens, and wait while a new page loads', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    clickMenu(app.fake, 'open-palette');
    expect(commandsSent(window)).toEqual([]);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'open-palette' }]);
    clickMenu(app.fake, 'focus-lookup');
    expect(commandsSent(window)).toEqual([{ channel: 'app:command', payload: { kind: 'focus-lookup' } }]);

    // A #hash change or an iframe is not a new page.
    window.contentsEvents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true, url: 'app://renderer/index.html#x' });
    window.contentsEvents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false, url: 'app://renderer/frame.html' });
    clickMenu(app.fake, 'find-in-dialog');
    expect(commandsSent(window)).toHaveLength(2);

    // A reload: the old page is gone, the new one asks.
    window.contentsEvents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: APP_PAGE });
    clickMenu(app.fake, 'open-settings');
    expect(commandsSent(window)).toHaveLength(2);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'open-settings' }]);
    clickMenu(app.fake, 'toggle-history');
    expect(commandsSent(window).at(-1)).toEqual({ channel: 'app:command', payload: { kind: 'toggle-history' } });
  });

  it('wait after the page’s process is gone', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    expect(await takeCommands(app.fake)).toEqual([]);
    window.contentsEvents.emit('render-process-gone', {}, { reason: 'crashed' });
    clickMenu(app.fake, 'show-shortcuts');
    expect(commandsSent(window)).toEqual([]);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'show-shortcuts' }]);
  });
});

describe('the application menu', () => {
  it('is set before the window opens; a packaged app has no reload or developer tools', async () => {
    const app = await start({ isPackaged: true });
    await app.ready();
    const { log } = app.fake;
    expect(log.indexOf('Menu.setApplicationMenu')).toBeGreaterThan(-1);
    expect(log.indexOf('Menu.setApplicationMenu')).toBeLessThan(log.indexOf('new BrowserWindow'));
    const roles = menuEntries(app.fake).map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('has the developer tools while developing', async () => {
    const app = await start({ isPackaged: false });
    await app.ready();
    expect(menuEntries(app.fake).map((entry) => entry.role)).toContain('toggleDevTools');
  });

  it('opens a window for an item chosen with none open (macOS); the command waits for its page', async () => {
    onPlatform('darwin');
    const app = await start();
    await app.ready();
    const first = app.window();
    expect(await takeCommands(app.fake)).toEqual([]);
    first.destroyed = true;
    state(first).events.emit('closed');
    clickMenu(app.fake, 'open-settings');
    expect(app.fake.windows).toHaveLength(2);
    expect(commandsSent(first)).toEqual([]);
    expect(await takeCommands(app.fake)).toEqual([{ kind: 'open-settings' }]);
  });
});

describe('the window’s place', () => {
  it('reopens where it was closed, maximised again once painted, not before', async () => {
    const app = await start({ storeData: { window: { bounds: { x: 100, y: 50, width: 1100, height: 720 }, maximized: true } } });
    await app.ready();
    const window = app.window();
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 720, show: false });
    expect(app.fake.log.some((entry) => entry.startsWith('window.maximize'))).toBe(false);
    window.onceEvents.emit('ready-to-show');
    expect(app.fake.log).toContain('window.maximize (shown 0)');
    expect(window.shown).toBe(1);
  });

  it.each([
    ['on a monitor that is gone', { bounds: { x: 4000, y: 50, width: 1100, height: 720 }, maximized: false }],
    ['malformed', { bounds: { x: 'left', y: 50, width: 1100, height: 720 } }],
    ['not there', undefined],
  ])('opens centred on the primary display when the saved place is %s', async (_what, saved) => {
    const app = await start({
      storeData: saved === undefined ? {} : { window: saved },
      displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, { workArea: { x: -1920, y: 0, width: 1920, height: 1040 } }],
    });
    await app.ready();
    expect(app.window().options).toMatchObject({ x: 320, y: 90, width: 1280, height: 860 });
    app.window().onceEvents.emit('ready-to-show');
    expect(app.fake.log.some((entry) => entry.startsWith('window.maximize'))).toBe(false);
  });

  it('saves its normal bounds and whether it was maximised when it closes', async () => {
    const app = await start();
    await app.ready();
    const window = app.window();
    state(window).normalBounds = { x: -1500, y: 40, width: 1024, height: 700 };
    state(window).maximized = true;
    state(window).events.emit('close', { preventDefault: () => {} });
    expect(app.fake.stores[0]!.data.get('window')).toEqual({ bounds: { x: -1500, y: 40, width: 1024, height: 700 }, maximized: true });
  });
});

describe('the theme', () => {
  it('applies the saved theme to nativeTheme before the window is made, so the window is painted in it', async () => {
    const app = await start({ dark: false, storeData: { 'settings.theme': 'dark' } });
    await app.ready();
    const { log } = app.fake;
    expect(log.indexOf('nativeTheme.themeSource=dark')).toBeGreaterThan(-1);
    expect(log.indexOf('nativeTheme.themeSource=dark')).toBeLessThan(log.indexOf('new BrowserWindow'));
    expect(app.window().options.backgroundColor).toBe('#16171a');
  });

  it('follows the OS when the setting is system, or missing', async () => {
    const app = await start({ dark: true });
    await app.ready();
    expect(app.fake.log).toContain('nativeTheme.themeSource=system');
    expect(app.window().options.backgroundColor).toBe('#16171a');
  });

  it('applies a change of the setting at once, repainting the window behind the page', async () => {
    const app = await start({ dark: true });
    await app.ready();
    const window = app.window();
    expect((await invoke(app.fake, 'settings:update', APP_PAGE, { theme: 'light' })).ok).toBe(true);
    expect(app.fake.log.at(-1)).toBe('nativeTheme.themeSource=light');
    expect(state(window).backgrounds.at(-1)).toBe('#f7f7f8');
    expect((await invoke(app.fake, 'settings:update', APP_PAGE, { theme: 'system' })).ok).toBe(true);
    expect(state(window).backgrounds.at(-1)).toBe('#16171a');
  });

  it('repaints when the OS changes its theme', async () => {
    const app = await start({ dark: false });
    await app.ready();
    app.fake.themeEvents.emit('updated');
    expect(state(app.window()).backgrounds).toEqual(['#f7f7f8']);
  });
});
