// History of lookups and the offline cache of dialogs, in one embedded SQLite
// database. No `electron` here: the app and the CLI open the same file.
export type { CachedDialog, DialogSearchHit, DialogSearchMessage, DialogSearchOptions, HistoryEntry, HistoryFilter, HistoryRetention, NewHistoryEntry, OpenReport, PruneReport, RecoveredFile, SessionSummary, StoreOptions, WatchedDialog, WatchRefresh } from './store-types';
export { DEFAULT_RETENTION } from './store-types';
export { DATABASE_FILE_NAME, InspectorStore } from './inspector-store';
export { StoreError, type StoreErrorCode } from './store-error';
export { SCHEMA_VERSION } from './migrations';
export { sessionIdOf } from './dialog-keys';
export { SNIPPET_MATCH_END, SNIPPET_MATCH_START } from './search-text';
