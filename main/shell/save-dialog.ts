// The OS save dialog for a file main is about to write: the user picks where,
// the window never names a path. Attached to the window so it opens as its sheet.
import { join } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { SaveFileOptions } from '../export/export-types';

export async function chooseSaveFile(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BrowserWindow | null,
  folder: string,
  options: SaveFileOptions,
): Promise<string | null> {
  const settings: SaveDialogOptions = {
    title: options.title,
    defaultPath: join(folder, options.defaultName),
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}
