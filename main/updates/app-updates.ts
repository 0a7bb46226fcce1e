// The app's update checks: electron-updater's autoUpdater, loaded at the first
// check (never at start-up, never in development), and the restart question as a
// message box on the window. Electron's dialog is handed in by main/index.ts, so
// this file imports `electron` for types only.
import type { BrowserWindow, Dialog } from 'electron';
import { autoUpdaterOf, RESTART_NOW, restartQuestion, startUpdateChecks, type UpdateLog } from './update-checker';

export interface AppUpdatesShell {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  dialog: Pick<Dialog, 'showMessageBox'>;
  /** The window the question belongs to, if one is open. */
  window: () => BrowserWindow | null;
  /** The `checkForUpdates` setting, as saved now. */
  enabled: () => boolean;
  log?: UpdateLog;
}

/** Starts the checks; returns a function that stops them. */
export function startAppUpdates(shell: AppUpdatesShell): () => void {
  return startUpdateChecks({
    isPackaged: shell.isPackaged,
    loadUpdater: async () => autoUpdaterOf(await import('electron-updater')),
    enabled: shell.enabled,
    askToRestart: async (version) => {
      const window = shell.window();
      const question = restartQuestion(version);
      // Modal to the window when there is one; on macOS the app may run with none open.
      const { response } = window && !window.isDestroyed() ? await shell.dialog.showMessageBox(window, question) : await shell.dialog.showMessageBox(question);
      return response === RESTART_NOW;
    },
    log: shell.log ?? ((level, message) => console[level](`[updates] ${message}`)),
  });
}
