// The Electron shell: lifecycle, the window, IPC registration, store wiring.
// Everything the app does lives in modules that never import `electron`
// (main/core, main/rest, main/api); this file only connects them to Electron.
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, Notification, powerMonitor, protocol, safeStorage, screen, session, shell } from 'electron';
import { API_CHANNELS, type AppCommand, type Settings } from '../preload/api-contract';
import type { MainApi } from './api/create-main-api';
import { findDeepLink } from './api/deep-link';
import { readSettings, type KeyValueStore } from './api/settings';
import { openSettingsSafely, peekSettingsFile } from './api/settings-file';
import { NO_LOG, type AppLog } from './core/app-log';
import { inLanguage, resolveLanguage } from './core/i18n';
import { appMenuTemplate } from './shell/app-menu';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, handleAppProtocol } from './shell/app-protocol';
import { connectCommandChannel } from './shell/command-channel';
import { sendEvent } from './shell/event-channel';
import { registerIpc } from './shell/ipc';
import { registerProtocolClient } from './shell/protocol-client';
import { chooseOpenFile } from './shell/open-dialog';
import { chooseSaveFile } from './shell/save-dialog';
import { showDesktopNotice } from './shell/desktop-notice';
import { applyTheme, repaintWindows } from './shell/theme';
import { installWindowGuards, mainWindowOptions } from './shell/window';
import { placeWindow, readWindowState, WINDOW_STATE_KEY, windowStateOf } from './shell/window-bounds';

const here = import.meta.dirname;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigins = [`${APP_SCHEME}://${APP_HOST}`, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const WATCH_START_DELAY_MS = 5_000;

// One app at a time: a second launch (a link clicked while the app runs) hands
// its command line to this one through 'second-instance', and quits.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();

let api: MainApi | null = null;
/** The log file, once it is open (after the window); what comes before it is dropped. */
let logFile: AppLog = NO_LOG;
/** Handed out before the file opens: each line goes to the file as soon as there is one. */
const appLog: AppLog = {
  error: (event, details) => logFile.error(event, details),
  warn: (event, details) => logFile.warn(event, details),
  info: (event, details) => logFile.info(event, details),
};
let settingsStore: KeyValueStore | null = null;
/** Where the window was, read before the store's library loads; the store itself once it has. */
let windowStateSource: Pick<KeyValueStore, 'get'> | null = null;
let mainWindow: BrowserWindow | null = null;
// The API is made after the first window opens (its modules are most of the
// start-up cost): IPC, links and menu commands wait for it here. macOS may
// send open-url before the app is even ready.
let apiMade!: (made: MainApi) => void;
let apiFailed!: (error: unknown) => void;
const apiReady = new Promise<MainApi>((resolve, reject) => {
  apiMade = resolve;
  apiFailed = reject;
});
// Links and menu commands that wait for an API that never comes are dropped; IPC answers INTERNAL.
apiReady.catch(() => undefined);

function createWindow(): BrowserWindow {
  const placement = placeWindow(readWindowState(windowStateSource?.get(WINDOW_STATE_KEY)), screen.getAllDisplays(), screen.getPrimaryDisplay());
  // electronegativity cannot see through mainWindowOptions(): contextIsolation and sandbox are on,
  // nodeIntegration off (test/shell/window-options.test.ts), and every new window, a middle-click's
  // too, is denied by installWindowGuards (test/shell/window-guards.test.ts).
  const window = new BrowserWindow({ ...mainWindowOptions(path.join(here, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors), ...placement.bounds }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  installWindowGuards(window.webContents, window.webContents.session, appOrigins);
  // The API may come after this window is gone (closed while it loaded).
  withApi((made) => {
    if (!window.isDestroyed()) connectCommandChannel(window, made.commands);
  });
  // The normal bounds, so a maximised window comes back maximised over the size it had before.
  window.on('close', () => settingsStore?.set(WINDOW_STATE_KEY, windowStateOf(window)));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => {
    // Not earlier: maximize() shows a hidden window, before its page is painted.
    if (placement.maximized) window.maximize();
    window.show();
  });
  mainWindow = window;
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

/** Brings the window forward (a second launch, a link, a menu item with none open on macOS). */
function showWindow(): void {
  if (!windowStateSource) return; // not ready yet: the window is about to open anyway
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : createWindow();
  if (window.isMinimized()) window.restore();
  // A window still loading shows itself (and takes focus) on ready-to-show.
  if (window.isVisible()) window.focus();
}

/** At once when the API is made, else as soon as it is (a link or a menu item during start-up). */
function withApi(use: (made: MainApi) => unknown): void {
  if (api) void use(api);
  else void apiReady.then(use, () => undefined);
}

function openLink(url: string): void {
  withApi((made) => made.openDeepLink(url));
}

/** A menu item: brings the window forward and asks its page. */
function send(command: AppCommand): void {
  showWindow();
  withApi((made) => made.commands.push(command));
}

let menuLanguage: Settings['language'] | null = null;

/** The menu in the language of the settings; made again when the language changes. */
function setMenu(settings: Settings): void {
  menuLanguage = settings.language;
  const template = inLanguage(resolveLanguage(settings.language, app.getPreferredSystemLanguages()), () =>
    appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.name, send }),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// Windows and Linux start a second instance for a link; it arrives here with that launch's arguments.
app.on('second-instance', (_event, argv) => {
  showWindow();
  const link = findDeepLink(argv);
  if (link) openLink(link);
});
// macOS hands links to the running app instead.
app.on('open-url', (event, url) => {
  event.preventDefault();
  showWindow();
  openLink(url);
});

app.enableSandbox();

void app.whenReady().then(async () => {
  // A second instance is quitting: it opens nothing.
  if (!primaryInstance) return;
  handleAppProtocol(protocol, path.join(here, '../renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const settingsFile = path.join(app.getPath('userData'), 'config.json');
  // Read without blocking, before the window: painted in the chosen theme from its first frame, where it was.
  const early = await peekSettingsFile(settingsFile);
  const earlySettings = readSettings(early);
  windowStateSource = early;
  applyTheme(nativeTheme, earlySettings.theme, []);
  // 'system' follows the OS while the app runs: repaint behind the page when it changes.
  nativeTheme.on('updated', () => repaintWindows(nativeTheme, BrowserWindow.getAllWindows()));
  registerIpc(ipcMain, apiReady, Object.values(API_CHANNELS), appOrigins, appLog);
  setMenu(earlySettings);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // After the window: on Linux, Electron runs xdg-settings and waits for it.
  registerProtocolClient(app, { platform: process.platform, isPackaged: app.isPackaged, execPath: process.execPath, argv: process.argv });

  // Everything else loads while the page does.
  try {
    await makeApi(settingsFile, earlySettings);
  } catch (error) {
    apiFailed(error);
  }
});

/** The API, the settings store, the ciphers and the updater: loaded after the window opens. */
async function makeApi(settingsFile: string, early: Settings): Promise<void> {
  const [{ default: Store }, { createMainApi }, { keyFileCipher }, { layeredCipher }, { createSafeStorageCipher }, { startAppUpdates }, { openFileLog, logFileOf }] =
    await Promise.all([
      import('electron-store'),
      import('./api/create-main-api'),
      import('./accounts/key-file-cipher'),
      import('./accounts/secret-cipher'),
      import('./shell/safe-storage-cipher'),
      import('./updates/app-updates'),
      import('./log/file-log'),
    ]);
  // A damaged settings file must not keep the app from starting: it is moved aside and the user told.
  const settings = openSettingsSafely(
    () => new Store<Record<string, unknown>>({ name: 'config' }),
    () => settingsFile,
  );
  settingsStore = settings.store;
  windowStateSource = settings.store;
  // The store's reading wins where the early one differed (a damaged file is now defaults).
  const theme = readSettings(settings.store).theme;
  if (theme !== early.theme) applyTheme(nativeTheme, theme, BrowserWindow.getAllWindows());
  // Scrubbed of every saved account's secrets, asked for when a line is written.
  // A log that cannot be opened (a read-only folder) must not keep the app from starting.
  const logPath = logFileOf(app.getPath('userData'), 'main');
  logFile = await openFileLog({ file: logPath, secrets: () => api?.knownSecrets() ?? [] }).catch(() => NO_LOG);
  const mainApi = createMainApi({
    store: settings.store,
    settingsRecovered: settings.recovered,
    // Sealed by the OS keychain; accounts the CLI saved with its key file are read too.
    secrets: layeredCipher(createSafeStorageCipher(safeStorage), [() => keyFileCipher(app.getPath('userData'), { create: false })]),
    // Reached only with https addresses main built and checked: a link to the connected portal
    // (checkPortalLink) or the portal's sign-in page (OAuthSignIn).
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    writeClipboard: (text) => clipboard.writeText(text),
    chooseSaveFile: (options) => chooseSaveFile(dialog, mainWindow, app.getPath('downloads'), options),
    chooseOpenFile: (options) => chooseOpenFile(dialog, mainWindow, options),
    notify: (notice) => showDesktopNotice(Notification, () => mainWindow, notice),
    // The database (and its native module) loads on first use, not before the window.
    openStore: async (options) => (await import('./store/index')).InspectorStore.open(app.getPath('userData'), options),
    settingsChanged: (changed) => {
      applyTheme(nativeTheme, changed.theme, BrowserWindow.getAllWindows());
      if (changed.language !== menuLanguage) setMenu(changed);
    },
    preferredLanguages: () => app.getPreferredSystemLanguages(),
    sendEvent: (event, payload) => sendEvent(mainWindow, event, payload),
    log: appLog,
    logFile: logPath,
  });
  api = mainApi;
  apiMade(mainApi);
  // The watched dialogs refresh in the background, never while the computer sleeps;
  // started a few seconds after the window, as the store is opened for it.
  powerMonitor.on('suspend', () => mainApi.watch.pause());
  powerMonitor.on('resume', () => mainApi.watch.resume());
  setTimeout(() => void mainApi.watch.start(), WATCH_START_DELAY_MS).unref();
  // Installed builds only; electron-updater loads at the first check, a few seconds after the window.
  startAppUpdates({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    dialog: () => dialog,
    window: () => mainWindow,
    enabled: () => readSettings(settings.store).checkForUpdates,
    language: () => resolveLanguage(readSettings(settings.store).language, app.getPreferredSystemLanguages()),
    log: (level, message) => appLog[level]('update', { message }),
  });
  // The link that started the app (Windows, Linux).
  const startLink = findDeepLink(process.argv);
  if (startLink) void mainApi.openDeepLink(startLink);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Closing the demo portal and the connection takes a moment: hold the quit
// until they are closed, then quit for real.
let disposing = false;
app.on('will-quit', (event) => {
  if (!api || disposing) return;
  disposing = true;
  event.preventDefault();
  void api.dispose().finally(() => app.quit());
});
