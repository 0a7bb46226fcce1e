// Opening the settings file without letting a damaged one stop the app: a file
// that cannot be read is moved aside (never deleted), defaults take its place,
// and the caller learns what happened so the user can be told.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { messages } from '../core/messages/index';
import { moveAside } from '../store/move-aside';
import type { RecoveredFile } from '../store/store-types';
import type { KeyValueStore } from './settings';

export interface OpenedSettings<S extends KeyValueStore> {
  store: S;
  /** Set when the file was damaged and moved aside. */
  recovered: RecoveredFile | null;
}

/**
 * `open` is electron-store in the app, conf elsewhere; both throw on a file
 * that is not valid JSON. `file` is asked for only then (its path needs the
 * app to be ready).
 */
export function openSettingsSafely<S extends KeyValueStore>(open: () => S, file: () => string): OpenedSettings<S> {
  try {
    return { store: open(), recovered: null };
  } catch (error) {
    const path = file();
    if (!fs.existsSync(path)) throw error;
    const recovered = moveAside(path, messages().errors.store.settingsUnreadable);
    return { store: open(), recovered };
  }
}

/**
 * What the settings file says, read without blocking and without the store's
 * library: enough for the theme and the window's place before the window
 * opens. Missing or damaged reads as empty (openSettingsSafely deals with a
 * damaged file afterwards). Keys are electron-store's dotted paths.
 */
export async function peekSettingsFile(file: string): Promise<Pick<KeyValueStore, 'get'>> {
  let data: unknown = {};
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // Defaults, as for a first start.
  }
  return {
    get(key) {
      let value: unknown = data;
      for (const part of key.split('.')) {
        if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
        value = (value as Record<string, unknown>)[part];
      }
      return value;
    },
  };
}
