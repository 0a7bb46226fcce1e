// The OS open dialog for a list main is about to read: the user picks the
// file, the window never names a path. Attached to the window so it opens as its sheet.
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { OpenFileOptions } from '../export/export-types';

export async function chooseOpenFile(dialog: Pick<Dialog, 'showOpenDialog'>, window: BrowserWindow | null, options: OpenFileOptions): Promise<string | null> {
  const settings: OpenDialogOptions = { title: options.title, filters: options.filters, properties: ['openFile'] };
  const answer = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
  return answer.canceled ? null : (answer.filePaths[0] ?? null);
}
