// main/index.ts under a fake Electron: the order of start-up, the window it
// opens and what it loads, the IPC and protocol wiring, and what happens when
// windows close. Each test imports the module afresh.
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

  function make(options: { isPackaged: boolean; dark: boolean }) {
    const log: string[] = [];
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => {
      resolveReady = resolve;
    });
    const appEvents = emitter();
    const windows: FakeWindow[] = [];
    const ipcHandlers = new Map<string, Listener>();
    const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    const stores: Array<{ options: unknown; data: Map<string, unknown> }> = [];
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
      readonly contentsEvents = emitter();
      openHandler: Listener | null = null;
      readonly webContents = {
        on: (event: string, listener: Listener) => this.contentsEvents.on(event, listener),
        setWindowOpenHandler: (handler: Listener) => {
          this.openHandler = handler;
        },
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
      loadURL(url: string) {
        log.push(`loadURL ${url}`);
        this.loaded.push(url);
        return Promise.resolve();
      }
    }

    const electron = {
      app: {
        isPackaged: options.isPackaged,
        enableSandbox: () => log.push('app.enableSandbox'),
        whenReady: () => {
          log.push('app.whenReady');
          return ready;
        },
        on: (event: string, listener: Listener) => appEvents.on(event, listener),
        quit: () => log.push('app.quit'),
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
      nativeTheme: { shouldUseDarkColors: options.dark },
      shell: { openExternal: vi.fn(async () => {}) },
      clipboard: { writeText: vi.fn() },
    };

    return { log, electron, resolveReady, ready, appEvents, windows, ipcHandlers, protocolHandlers, stores, defaultSession };
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
  get clipboard() {
    return h.current.electron.clipboard;
  },
}));

vi.mock('electron-store', () => ({
  default: class FakeStore {
    readonly data = new Map<string, unknown>();
    constructor(options: unknown) {
      h.current.stores.push({ options, data: this.data });
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
  options: { webPreferences: Record<string, unknown>; show: boolean; backgroundColor: string };
  loaded: string[];
  shown: number;
  onceEvents: { emit(event: string): void };
  contentsEvents: { emit(event: string, ...args: unknown[]): void; listeners: Map<string, Listener[]> };
  openHandler: Listener | null;
};

const realPlatform = process.platform;
const realRendererUrl = process.env.ELECTRON_RENDERER_URL;

function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/** Imports main/index.ts afresh against a new fake Electron; `ready` resolves app.whenReady(). */
async function start(options: { isPackaged?: boolean; dark?: boolean; rendererUrl?: string } = {}) {
  if (options.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = options.rendererUrl;
  h.current = h.make({ isPackaged: options.isPackaged ?? true, dark: options.dark ?? false });
  vi.resetModules();
  await import('../../main/index');
  const fake = h.current;
  return {
    fake,
    async ready() {
      fake.resolveReady();
      await fake.ready;
      // Let the .then() after whenReady run.
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
  if (realRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = realRendererUrl;
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
