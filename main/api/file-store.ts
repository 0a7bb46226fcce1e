// The settings file outside Electron (CLI, tests): conf is electron-store's own
// engine, so both read and write the same config.json in the data folder.
import Conf from 'conf';
import type { KeyValueStore } from './settings';

export const CONFIG_NAME = 'config';

export function openFileStore(dataDir: string): KeyValueStore {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: CONFIG_NAME, projectName: 'openlines-inspector' });
}
