// The Electron shell: lifecycle, the window, IPC registration, store wiring.
// Everything the app does lives in modules that never import `electron`
// (main/core, main/rest, main/api); this file only connects them to Electron.
import path from 'node:path';
import { app, BrowserWindow, clipboard, ipcMain, nativeTheme, protocol, safeStorage, session, shell } from 'electron';
import Store from 'electron-store';
import { keyFileCipher } from './accounts/key-file-cipher';
import { layeredCipher } from './accounts/secret-cipher';
import { createMainApi, type MainApi } from './api/create-main-api';
import { openSettingsSafely } from './api/settings-file';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, handleAppProtocol } from './shell/app-protocol';
import { registerIpc } from './shell/ipc';
import { createSafeStorageCipher } from './shell/secret-cipher';
import { installWindowGuards, mainWindowOptions } from './shell/window';

const here = import.meta.dirname;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigins = [`${APP_SCHEME}://${APP_HOST}`, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let api: MainApi | null = null;

function createWindow(): void {
  // electronegativity cannot see through mainWindowOptions(): contextIsolation and sandbox are on,
  // nodeIntegration off (test/shell/window-options.test.ts), and every new window, a middle-click's
  // too, is denied by installWindowGuards (test/shell/window-guards.test.ts).
  const window = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  installWindowGuards(window.webContents, window.webContents.session, appOrigins);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

app.enableSandbox();

void app.whenReady().then(() => {
  handleAppProtocol(protocol, path.join(here, '../renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // A damaged settings file must not keep the app from starting: it is moved aside and the user told.
  const settings = openSettingsSafely(
    () => new Store<Record<string, unknown>>({ name: 'config' }),
    () => path.join(app.getPath('userData'), 'config.json'),
  );
  api = createMainApi({
    store: settings.store,
    settingsRecovered: settings.recovered,
    // Sealed by the OS keychain; accounts the CLI saved with its key file are read too.
    secrets: layeredCipher(createSafeStorageCipher(safeStorage), [() => keyFileCipher(app.getPath('userData'), { create: false })]),
    // Reached only with https addresses main built and checked: a link to the connected portal
    // (checkPortalLink) or the portal's sign-in page (OAuthSignIn).
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    writeClipboard: (text) => clipboard.writeText(text),
    // The database (and its native module) loads on first use, not before the window.
    openMemory: async (options) => (await import('./store/index')).InspectorStore.open(app.getPath('userData'), options),
  });
  registerIpc(ipcMain, api, appOrigins);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

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
