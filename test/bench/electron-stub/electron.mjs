// A stand-in for `electron` so the built main bundle can start under plain
// Node for `npm run bench`: Electron cannot run on our machines. Whatever the
// shell calls that is not spelled out here answers with a callable no-op, so
// the bench keeps working as main/index.ts grows. The first BrowserWindow
// ends the measurement (see main-startup-child.mjs).

/** Callable, constructible, every property of it is itself; never a thenable. */
const anything = new Proxy(function () {}, {
  get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : anything),
  apply: () => anything,
  construct: () => anything,
});

function partly(known) {
  return new Proxy(known, {
    get: (target, key) => (key in target ? target[key] : key === 'then' ? undefined : anything),
  });
}

const userData = process.env.OLI_BENCH_USER_DATA;
const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 };

export const app = partly({
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getPath: () => userData,
  getVersion: () => '0.0.0-bench',
  getName: () => 'Open Lines Inspector',
  getLocale: () => 'en-GB',
  getPreferredSystemLanguages: () => ['en-GB'],
  requestSingleInstanceLock: () => true,
  on: () => app,
  once: () => app,
});

export class BrowserWindow {
  constructor() {
    globalThis.__benchFirstWindow?.();
    return partly({ webContents: partly({ session: anything }) });
  }
  static getAllWindows() {
    return [];
  }
  static getFocusedWindow() {
    return null;
  }
}

export const nativeTheme = partly({ shouldUseDarkColors: false, themeSource: 'system', on: () => nativeTheme });
export const safeStorage = partly({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(text, 'utf8'),
  decryptString: (buffer) => buffer.toString('utf8'),
});
export const screen = partly({ getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display });
export const Menu = partly({ buildFromTemplate: (template) => template, setApplicationMenu: () => undefined });
export const session = partly({ defaultSession: anything });
export const protocol = anything;
export const ipcMain = anything;
export const ipcRenderer = undefined;
export const shell = anything;
export const clipboard = anything;
export const dialog = anything;
export const net = anything;
export const webContents = anything;
export const contextBridge = anything;
export const powerMonitor = anything;
export const Notification = anything;

export default { app, BrowserWindow, nativeTheme, safeStorage, screen, Menu, session, protocol, ipcMain, ipcRenderer, shell, clipboard, dialog, net, webContents, contextBridge, powerMonitor, Notification };
