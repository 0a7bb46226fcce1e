// Opening a list of identifiers through the OS dialog: main asks the user for
// the file and reads it (the window never names a path); the window gets its
// name and text and treats it as a dropped file.
import { messages } from '../core/messages/index';
import type { OpenedList, OpenFileOptions } from '../export/export-types';
import { readListFile } from '../export/read-list-file';
import { schemasFor, type ChannelsOf, type HandlersFor } from './handler-types';
import { none } from './schema-atoms';

export const listFileSchemas = schemasFor({
  'list:open': none,
});

/** What the dialog offers: the kinds a dropped list may be. */
const LIST_EXTENSIONS = ['csv', 'txt', 'tsv', 'text', 'list'];

export interface ListFileDeps {
  /** Opens the OS open dialog (dialog.showOpenDialog in the app) for one file; its path, or null when the user cancels. */
  chooseOpenFile(options: OpenFileOptions): Promise<string | null>;
  /** The file's checks and its reading; export/read-list-file.ts unless a test says otherwise. */
  read?: (path: string) => Promise<OpenedList>;
}

export function listFileHandlers({ chooseOpenFile, read = readListFile }: ListFileDeps): HandlersFor<ChannelsOf<typeof listFileSchemas>> {
  return {
    'list:open': async (): Promise<OpenedList | null> => {
      const says = messages().files.open;
      const path = await chooseOpenFile({ title: says.title, filters: [{ name: says.filter, extensions: LIST_EXTENSIONS }] });
      return path === null ? null : read(path);
    },
  };
}
