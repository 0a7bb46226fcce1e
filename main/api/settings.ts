// User preferences kept between runs. The store is electron-store in the app
// and its engine (conf) in the CLI and tests: the same file, the same keys.
import type { NumberAs, Settings } from '../../preload/api-contract';

/** The part of electron-store / conf we use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const DEFAULT_SETTINGS: Settings = { numberAs: 'chat' };

function isNumberAs(value: unknown): value is NumberAs {
  return value === 'chat' || value === 'session';
}

export function readSettings(store: KeyValueStore): Settings {
  const numberAs = store.get('settings.numberAs');
  // A hand-edited or older file never breaks start-up: bad values fall back.
  return { numberAs: isNumberAs(numberAs) ? numberAs : DEFAULT_SETTINGS.numberAs };
}

export function updateSettings(store: KeyValueStore, patch: Partial<Settings>): Settings {
  if (patch.numberAs !== undefined) store.set('settings.numberAs', patch.numberAs);
  return readSettings(store);
}
