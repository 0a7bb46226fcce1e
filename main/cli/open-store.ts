// Opens the history and cache database for a CLI command, telling the user
// on stderr what was moved aside, and carrying on without it if it cannot open.
import { toEnvelope } from '../core/error-codes';
import { InspectorStore, StoreError } from '../store/index';
import { messages } from '../core/messages/index';
import { formatError, printable } from './format-human';

/** The store, or why it could not be opened (to be reported by the caller). */
export type OpenedStore = { store: InspectorStore; failure: null } | { store: null; failure: unknown };

/** Opens the store and reports what was moved aside; a failure to open is returned, not printed. */
export function tryOpenStore(dataDir: string, err: NodeJS.WritableStream): OpenedStore {
  let store: InspectorStore;
  try {
    store = InspectorStore.open(dataDir);
  } catch (error) {
    return { store: null, failure: error };
  }
  for (const recovered of store.report.recovered) {
    err.write(`${messages().cli.store.recovered(printable(recovered.reason), recovered.movedTo)}\n`);
  }
  try {
    store.pruneHistory();
  } catch (error) {
    // Locked, full or read-only: retention is housekeeping and waits for a
    // later run; what the command itself needs may still work (reads do
    // while another program holds the write lock).
    if (!(error instanceof StoreError) || error.envelope.code === 'INTERNAL') {
      store.close();
      throw error;
    }
  }
  return { store, failure: null };
}

/** What the user reads when the store could not be opened at all. */
export function formatOpenFailure(dataDir: string, failure: unknown): string {
  const envelope = toEnvelope(failure);
  if (envelope.code !== 'INTERNAL') return formatError(null, envelope);
  const says = messages().cli.store;
  const reason = failure instanceof Error ? printable(failure.message) : says.unknownError;
  return says.unavailable(reason, printable(dataDir));
}

/** For commands that are all about the store (history, search, show): no store, no command. */
export function openStoreForCli(dataDir: string, err: NodeJS.WritableStream): InspectorStore | null {
  const { store, failure } = tryOpenStore(dataDir, err);
  if (store === null) err.write(`${formatOpenFailure(dataDir, failure)}\n`);
  return store;
}
