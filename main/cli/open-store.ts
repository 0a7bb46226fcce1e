// Opens the history and cache database for a CLI command, telling the user
// on stderr what was moved aside, and carrying on without it if it cannot open.
import { InspectorStore } from '../store/index';
import { printable } from './format-human';

export function openStoreForCli(dataDir: string, err: NodeJS.WritableStream): InspectorStore | null {
  let store: InspectorStore;
  try {
    store = InspectorStore.open(dataDir);
  } catch (error) {
    const reason = error instanceof Error ? printable(error.message) : 'unknown error';
    err.write(`History and offline cache unavailable [STORE_UNAVAILABLE]\n  The data folder's database could not be opened (${reason}).\n  What to do: check that ${dataDir} is writable, or choose another folder with --data-dir.\n`);
    return null;
  }
  for (const recovered of store.report.recovered) {
    err.write(
      `Damaged history database moved aside [STORE_RECOVERED]\n  ${printable(recovered.reason)}: it was moved to ${recovered.movedTo} and a new one was started.\n  What to do: nothing; keep the old file if you want to try to recover it.\n`,
    );
  }
  store.pruneHistory();
  return store;
}
