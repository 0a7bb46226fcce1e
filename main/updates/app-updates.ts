// The app's update checks: electron-updater's autoUpdater, loaded at the first
// check (never at start-up, never in development), and the restart question as a
// message box on the window. Electron's dialog is handed in by main/index.ts, so
// this file imports `electron` for types only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { inLanguage, language, type Language } from '../core/i18n';
import { autoUpdaterOf, RESTART_NOW, restartQuestion, startUpdateChecks, type UpdateLog } from './update-checker';

export interface AppUpdatesShell {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.resourcesPath`, where electron-builder writes app-update.yml (where to look for updates). */
  resourcesPath: string | undefined;
  /** Electron's dialog, looked up only when a question is asked. */
  dialog: () => Pick<Dialog, 'showMessageBox'>;
  /** The window the question belongs to, if one is open. */
  window: () => BrowserWindow | null;
  /** The `checkForUpdates` setting, as saved now. */
  enabled: () => boolean;
  /** The user's language now: the question comes long after any call of the window, which would carry it. */
  language?: () => Language;
  log?: UpdateLog;
}

/** Starts the checks; returns a function that stops them. */
export function startAppUpdates(shell: AppUpdatesShell): () => void {
  const log: UpdateLog = shell.log ?? ((level, message) => console[level](`[updates] ${message}`));
  // A build with nowhere to publish (an unpacked --dir build, say) has no app-update.yml:
  // electron-updater would only fail every few hours, so it is not started.
  const configured = typeof shell.resourcesPath === 'string' && existsSync(path.join(shell.resourcesPath, 'app-update.yml'));
  if (shell.isPackaged && !configured) log('info', 'No app-update.yml in this build: not checking for updates.');
  return startUpdateChecks({
    isPackaged: shell.isPackaged && configured,
    loadUpdater: async () => autoUpdaterOf(await import('electron-updater')),
    enabled: shell.enabled,
    askToRestart: async (version) => {
      const window = shell.window();
      const question = inLanguage(shell.language?.() ?? language(), () => restartQuestion(version));
      const dialog = shell.dialog();
      // Modal to the window when there is one; on macOS the app may run with none open.
      const { response } = window && !window.isDestroyed() ? await dialog.showMessageBox(window, question) : await dialog.showMessageBox(question);
      return response === RESTART_NOW;
    },
    log,
  });
}
