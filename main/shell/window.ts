// The main window: its options and the guards on what its page may do.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const LIGHT_BACKGROUND = '#f7f7f8';
export const DARK_BACKGROUND = '#16171a';

export function mainWindowOptions(preloadPath: string, darkTheme: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title: 'Open Lines Inspector',
    // Painted before the first frame, so the window never flashes white in dark mode.
    backgroundColor: darkTheme ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/** Is `url` one of the app's own pages (app://renderer/…, or the dev server while developing)? */
export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Custom schemes have an opaque WHATWG origin ("null"), so compare scheme and host.
  const origin = `${parsed.protocol}//${parsed.host}`;
  return appOrigins.includes(origin);
}

/**
 * The page never navigates away, never opens windows and never gets a
 * permission (camera, notifications, geolocation…): it has no use for any.
 */
export function installWindowGuards(contents: WebContents, session: Session, appOrigins: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
