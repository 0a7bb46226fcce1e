// The store (the history of lookups and the kept dialogs) is opened when it is
// first needed, never before the window: the first lookup, or the history
// panel's first listing. One open for every caller; a failed open is tried
// again next time.
import type { Settings } from '../../preload/api-contract';
import { describeCause, NO_LOG, type AppLog } from '../core/app-log';
import { inspectorError } from '../core/error-codes';
import type { HistoryRetention, InspectorStore, StoreOptions } from '../store/index';
// Not through store/index: that would load the native database module at start-up.
import { isPassingStoreError } from '../store/store-error';
import { readSettings, type KeyValueStore } from './settings';

function retentionOf(settings: Settings): HistoryRetention {
  return { maxEntries: settings.historyMaxEntries, maxAgeDays: settings.historyMaxAgeDays };
}

export class StoreOpener {
  readonly #settings: Pick<KeyValueStore, 'get'>;
  readonly #open: ((options: StoreOptions) => InspectorStore | Promise<InspectorStore>) | undefined;
  readonly #log: AppLog;
  #opened: Promise<InspectorStore | null> | null = null;

  /** Without `open` there is no store: lookups go on, unrecorded. */
  constructor(
    settings: Pick<KeyValueStore, 'get'>,
    open: ((options: StoreOptions) => InspectorStore | Promise<InspectorStore>) | undefined,
    log: AppLog = NO_LOG,
  ) {
    this.#settings = settings;
    this.#open = open;
    this.#log = log;
  }

  /** The store, opened on first use; null when there is none. */
  store(): Promise<InspectorStore | null> {
    if (!this.#opened) {
      const opening = this.#openAndPrune();
      this.#opened = opening;
      opening.then(
        (store) => {
          for (const { movedTo, reason } of store?.report.recovered ?? []) this.#log.warn('store-moved-aside', { movedTo, reason });
        },
        (error: unknown) => {
          this.#log.error('store-open-failed', { cause: describeCause(error) });
          if (this.#opened === opening) this.#opened = null;
        },
      );
    }
    return this.#opened;
  }

  /** The store for the history's own calls: their whole job, so a failure to open is their error. */
  async forHistory(): Promise<InspectorStore> {
    let store: InspectorStore | null = null;
    try {
      store = await this.store();
    } catch (error) {
      // A lock or a full disk says what it is and passes by itself; anything else is HISTORY_UNAVAILABLE.
      if (isPassingStoreError(error)) throw error;
      throw inspectorError('HISTORY_UNAVAILABLE', undefined, error);
    }
    if (!store) throw inspectorError('HISTORY_UNAVAILABLE');
    return store;
  }

  /**
   * Applies new retention limits after the settings call has answered, so the
   * settings screen never waits on a large delete; a failure waits for the next start.
   */
  pruneSoon(settings: Settings): void {
    setImmediate(() => {
      void this.store()
        .then((store) => store?.pruneHistory(retentionOf(settings)))
        .catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    const store = await this.#opened?.catch(() => null);
    this.#opened = null;
    store?.close();
  }

  async #openAndPrune(): Promise<InspectorStore | null> {
    const settings = readSettings(this.#settings);
    const store = (await this.#open?.({ snapshotsPerDialog: settings.snapshotsPerDialog })) ?? null;
    // Retention runs once per start, when the store is first needed, and after a change of its settings.
    try {
      store?.pruneHistory(retentionOf(settings));
    } catch (error) {
      // Locked by another program or a full disk: the store still reads (and
      // writes once that passes); retention waits for the next start.
      if (!isPassingStoreError(error)) {
        store?.close();
        throw error;
      }
    }
    return store;
  }
}
